package org.greffe.registry.application;

/** The Idempotency-Key was first used for a different request: replaying its response would be wrong. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; "
                + "use a new key for a new request");
    }
}
