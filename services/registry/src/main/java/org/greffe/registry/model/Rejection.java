package org.greffe.registry.model;

import java.util.Optional;

/**
 * Whatever the registry refuses to record, whichever door the request came through: a broken rule, an unknown case
 * or hearing, an invalid or unknown value, a reused idempotency key, a case that changed meanwhile, a file that is
 * no docket. Nothing was recorded. The HTTP API answers each as a problem and the docket import reports it on the
 * row, both from the one mapping of the application layer ({@code Problem.of}).
 */
public abstract class Rejection extends RuntimeException {

    private final transient Wording wording;

    /** A refusal said in English only. */
    protected Rejection(String message) {
        this(message, null);
    }

    /**
     * @param message the refusal in English
     * @param wording the same as a code and arguments, to be said in another language; may be null
     */
    protected Rejection(String message, Wording wording) {
        super(message);
        this.wording = wording;
    }

    /** The refusal as a code and arguments, when it has been worded for translation. */
    public Optional<Wording> wording() {
        return Optional.ofNullable(wording);
    }
}
