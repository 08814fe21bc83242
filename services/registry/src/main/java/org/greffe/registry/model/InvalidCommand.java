package org.greffe.registry.model;

/** A command field holds a value the registry never accepts, whatever the state of the case. */
public class InvalidCommand extends Rejection {

    private final String field;

    public InvalidCommand(String field, String message) {
        this(field, message, null);
    }

    public InvalidCommand(String field, String message, Wording wording) {
        super(message, wording);
        this.field = field;
    }

    /** The offending field. */
    public String field() {
        return field;
    }
}
