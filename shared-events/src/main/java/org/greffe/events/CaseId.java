package org.greffe.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a case for its whole life, across transfers between tribunals. Opaque: it never encodes a docket
 * number, a name or a date, so that it can be published in audit exports without revealing anything.
 *
 * @param value the identifier, 1 to 64 characters of letters, digits and {@code -_.:}
 */
public record CaseId(String value) {

    @JsonCreator
    public CaseId {
        Identifiers.requireValid(value, "case id");
    }

    /** A new random case id. */
    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return Objects.toString(value);
    }
}
