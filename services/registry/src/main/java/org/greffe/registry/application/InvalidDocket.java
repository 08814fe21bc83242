package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/**
 * The file as a whole is not a docket file: not UTF-8 text, not CSV, or without the header row naming the columns.
 * Nothing of it was imported.
 */
public class InvalidDocket extends Rejection {

    public InvalidDocket(String message) {
        super(message);
    }

    public InvalidDocket(String message, Wording wording) {
        super(message, wording);
    }
}
