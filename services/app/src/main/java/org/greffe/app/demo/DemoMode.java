package org.greffe.app.demo;

import java.util.Locale;

/**
 * Whether Greffe runs in demo mode: {@code greffe.demo} ({@code GREFFE_DEMO}) {@code true} or {@code false} decides;
 * unset, demo mode is on with the embedded database and off with an external one, which holds real data.
 */
public final class DemoMode {

    private DemoMode() {
    }

    /**
     * @param demo          the value of {@code greffe.demo}, possibly null or blank
     * @param datasourceUrl the value of {@code spring.datasource.url}, possibly null or blank
     * @throws IllegalStateException when {@code demo} is neither blank, {@code true} nor {@code false}
     */
    public static boolean enabled(String demo, String datasourceUrl) {
        if (demo == null || demo.isBlank()) {
            return datasourceUrl == null || datasourceUrl.isBlank();
        }
        return switch (demo.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(
                    "GREFFE_DEMO (greffe.demo) must be true, false or unset, not '" + demo.strip() + "'");
        };
    }
}
