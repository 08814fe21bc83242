package org.greffe.measures.forecast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A reader's forecast settings, read from request parameters as text so that a bad one is refused in one sentence
 * that names it and its range.
 *
 * @param months   the horizon
 * @param basis    whole months of history
 * @param scenario the scenario
 */
public record ForecastSettings(int months, int basis, Scenario scenario) {

    /** The horizon when not told otherwise. */
    public static final int DEFAULT_MONTHS = 24;
    /** Simulated paths of every forecast Greffe serves. */
    public static final int PATHS = 1_000;

    /**
     * Reads the parameters; any may be {@code null} for its default.
     *
     * @throws IllegalArgumentException one sentence naming the bad parameter and what it takes
     */
    public static ForecastSettings of(String months, String basis, String extraDispositions, String filingChange,
                                      String order) {
        int horizon = number("months", months, DEFAULT_MONTHS, 1, BacklogForecast.MAX_MONTHS);
        int history = number("basis", basis, ForecastInputs.DEFAULT_BASIS, 1, ForecastInputs.MAX_BASIS);
        int extra = number("extraDispositions", extraDispositions, 0, 0, Scenario.MAX_EXTRA_DISPOSITIONS);
        int change = number("filingChange", filingChange, 0, -100, Scenario.MAX_FILING_CHANGE);
        return new ForecastSettings(horizon, history, new Scenario(extra, change, order(order)));
    }

    /**
     * A whole-number parameter within bounds, or the fallback when absent.
     *
     * @throws IllegalArgumentException one sentence naming the parameter and its range
     */
    public static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + " (got '"
                + abbreviated(text) + "')");
    }

    private static DisposalOrder order(String text) {
        if (text == null || text.isBlank()) {
            return DisposalOrder.FIFO;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "fifo" -> DisposalOrder.FIFO;
            case "oldest-first", "oldest_first" -> DisposalOrder.OLDEST_FIRST;
            default -> throw new IllegalArgumentException("order must be 'fifo' or 'oldest-first' (got '"
                    + abbreviated(text) + "')");
        };
    }

    private static String abbreviated(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    /**
     * The seed of a forecast: drawn from the tribunal, the day or release it starts from, and the basis, never from
     * when it is asked, so that the same question on the same data always gets the same answer, and an auditor who
     * re-runs a forecast as the log was known when it was served gets the very same one. Neither the scenario nor the
     * horizon is part of it (common random numbers): every scenario draws the same months, so what separates two
     * scenarios is the scenarios, never the luck of the draw, and a longer horizon extends a shorter one.
     */
    public long seed(String tribunalId, String standsOn) {
        String key = String.join("|", tribunalId, standsOn, String.valueOf(basis));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
