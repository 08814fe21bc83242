package org.greffe.registry.model;

/** The command names a tribunal or armed group that is not in the configured reference data. */
public class UnknownReferenceData extends Rejection {

    private final String field;

    public UnknownReferenceData(String field, String message) {
        this(field, message, null);
    }

    public UnknownReferenceData(String field, String message, Wording wording) {
        super(message, wording);
        this.field = field;
    }

    /** The request field that holds the unknown value. */
    public String field() {
        return field;
    }
}
