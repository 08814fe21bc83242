package org.greffe.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The span of the dates and instants a client may send to Greffe: 1960-01-01 to 2100-12-31 (UTC for instants).
 * Nothing in the log can lie outside it (effective dates start in 1960, a hearing is at most ten years ahead), so a
 * date outside it is a typing error or an attempt to make the server compute over millennia, and a date the JDK
 * cannot even hold ({@code +10000-01-01}, year 0) must never reach a computation, a database or a 500. Every web
 * layer reads its date and instant parameters through here and answers a refusal as 400 naming the parameter.
 */
public final class DateBounds {

    /** The earliest date accepted: the registry's earliest effective date. */
    public static final LocalDate EARLIEST = LocalDate.of(1960, 1, 1);

    /** The latest date accepted: far beyond any hearing a registry plans. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** The first instant of {@link #EARLIEST} in UTC. */
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();

    /** The last instant of {@link #LATEST} in UTC. */
    public static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                                                       .minusNanos(1);

    /** What a date must look like, as a refusal says it. */
    public static final String DATE_FORM = "a date as YYYY-MM-DD from " + EARLIEST + " to " + LATEST;

    /** What an instant must look like, as a refusal says it. */
    public static final String INSTANT_FORM = "an instant as YYYY-MM-DDThh:mm:ssZ (or with an offset such as "
            + "+01:00 instead of Z) from " + EARLIEST + "T00:00:00Z to " + LATEST + "T23:59:59Z";

    /** Four-digit years only: no sign, no expanded year, so the checks below never see an extreme value. */
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{5,18}"
            + "(?:Z|z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)");
    private static final int ECHOED = 40;

    private DateBounds() {
    }

    /** Whether the date lies from {@link #EARLIEST} to {@link #LATEST}, both included. */
    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Whether the instant lies from {@link #EARLIEST_INSTANT} to {@link #LATEST_INSTANT}, both included. */
    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    /**
     * Reads a date parameter.
     *
     * @param name what the client called it, for the refusal
     * @param text what the client sent; {@code null} or empty when the parameter is absent (as a form sends it)
     * @return the date, or {@code null} when the parameter is absent
     * @throws IllegalArgumentException saying, in one sentence for the client, which parameter and what is accepted
     */
    public static LocalDate date(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (DATE.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                if (contains(date)) {
                    return date;
                }
            } catch (DateTimeException e) {
                // not a day of the calendar (2019-02-30): refused below like any other text
            }
        }
        throw new IllegalArgumentException(name + " must be " + DATE_FORM + " (got '" + echoed(text) + "')");
    }

    /**
     * Reads an instant parameter, in UTC ({@code Z}) or with an offset.
     *
     * @param name what the client called it, for the refusal
     * @param text what the client sent; {@code null} or empty when the parameter is absent (as a form sends it)
     * @return the instant, or {@code null} when the parameter is absent
     * @throws IllegalArgumentException saying, in one sentence for the client, which parameter and what is accepted
     */
    public static Instant instant(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (INSTANT.matcher(text).matches()) {
            try {
                Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                if (contains(instant)) {
                    return instant;
                }
            } catch (DateTimeException e) {
                // not a moment of the calendar (24:61, February 30th): refused below like any other text
            }
        }
        throw new IllegalArgumentException(name + " must be " + INSTANT_FORM + " (got '" + echoed(text) + "')");
    }

    /** At most a little of what the client sent, without control or invisible characters. */
    private static String echoed(String text) {
        String shown = text.length() <= ECHOED ? text : text.substring(0, ECHOED);
        shown = shown.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}'\"\\\\]", "?");
        return text.length() <= ECHOED ? shown : shown + "...";
    }
}
