package org.greffe.app.demo;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

import java.util.List;
import java.util.Locale;

/**
 * Whether Greffe runs in demo mode: {@code greffe.demo} ({@code GREFFE_DEMO}) {@code true} or {@code false} decides;
 * unset, demo mode is on with the embedded database and no identity provider, and off with an external database,
 * which holds real data, or with an identity provider, whose users are real. Demo mode forced on next to an identity
 * provider does not start ({@code org.greffe.app.security.IdentityProvider}).
 */
public final class DemoMode {

    /** The user the demo docket is recorded as ({@link DemoDocketLoader}); demo sign-ins record their own names. */
    public static final String DOCKET_USER = "demo";

    /** Spring Boot's properties naming where an identity provider's keys are: any one set means one is configured. */
    public static final List<String> IDENTITY_PROVIDER_KEYS = List.of(
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    private DemoMode() {
    }

    /** Demo mode as the environment's {@code greffe.demo}, datasource URL and identity provider settings decide. */
    public static boolean enabled(PropertyResolver environment) {
        return enabled(environment.getProperty("greffe.demo"), environment.getProperty("spring.datasource.url"),
                identityProvider(environment));
    }

    /** Whether any of the {@link #IDENTITY_PROVIDER_KEYS} is set to something other than blanks. */
    public static boolean identityProvider(PropertyResolver environment) {
        return IDENTITY_PROVIDER_KEYS.stream().anyMatch(key -> StringUtils.hasText(environment.getProperty(key)));
    }

    /**
     * @param demo             the value of {@code greffe.demo}, possibly null or blank
     * @param datasourceUrl    the value of {@code spring.datasource.url}, possibly null or blank
     * @param identityProvider whether an identity provider's keys are configured
     * @throws IllegalStateException when {@code demo} is neither blank, {@code true} nor {@code false}
     */
    public static boolean enabled(String demo, String datasourceUrl, boolean identityProvider) {
        if (demo == null || demo.isBlank()) {
            return (datasourceUrl == null || datasourceUrl.isBlank()) && !identityProvider;
        }
        return switch (demo.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(
                    "GREFFE_DEMO (greffe.demo) must be true, false or unset, not '" + demo.strip() + "'");
        };
    }
}
