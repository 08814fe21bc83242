package org.greffe.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a tribunal of the reference data, for example {@code bamako-commune-iii}.
 *
 * @param value the identifier, 1 to 64 characters of letters, digits and {@code -_.:}
 */
public record TribunalId(String value) {

    @JsonCreator
    public TribunalId {
        Identifiers.requireValid(value, "tribunal id");
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
