package org.greffe.audit.web;

import org.greffe.events.DateBounds;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Date and instant query parameters of the audit API, read as text and through {@link DateBounds} rather than by
 * Spring's converter: the converter accepts years such as 0 or +10000 and instants a billion years away, which a
 * replay would fold over or the database refuse with a 500. Anything outside 1960-01-01 to 2100-12-31 is a 400
 * naming the parameter and the form it takes.
 */
final class DateParameters {

    private DateParameters() {
    }

    /** The date, or {@code null} when the parameter is absent. */
    static LocalDate date(String name, String text) {
        try {
            return DateBounds.date(name, text);
        } catch (IllegalArgumentException e) {
            throw invalid(e).worded("date", name, Problems.abbreviated(text));
        }
    }

    /** The instant, or {@code null} when the parameter is absent. */
    static Instant instant(String name, String text) {
        try {
            return DateBounds.instant(name, text);
        } catch (IllegalArgumentException e) {
            throw invalid(e).worded("instant", name, Problems.abbreviated(text));
        }
    }

    private static Problems.Worded invalid(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }
}
