package org.greffe.registry.model;

/**
 * Whatever the registry refuses to record, whichever door the request came through: a broken rule, an unknown case
 * or hearing, an invalid or unknown value, a reused idempotency key, a case that changed meanwhile, a file that is
 * no docket. Nothing was recorded. The HTTP API answers each as a problem and the docket import reports it on the
 * row, both from the one mapping of the application layer ({@code Problem.of}).
 */
public abstract class Rejection extends RuntimeException {

    protected Rejection(String message) {
        super(message);
    }
}
