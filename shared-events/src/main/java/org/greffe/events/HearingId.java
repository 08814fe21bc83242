package org.greffe.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * Identifies one hearing of a case; unique within its case.
 *
 * @param value the identifier, 1 to 64 characters of letters, digits and {@code -_.:}
 */
public record HearingId(String value) {

    @JsonCreator
    public HearingId {
        Identifiers.requireValid(value, "hearing id");
    }

    /** A new random hearing id. */
    public static HearingId random() {
        return new HearingId(UUID.randomUUID().toString());
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
