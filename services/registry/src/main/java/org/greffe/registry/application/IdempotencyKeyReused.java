package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/**
 * The Idempotency-Key was first used for a different request: replaying its response would be wrong. The message
 * does not repeat the key: what the registry holds is its stored form, which the client never sent.
 */
public class IdempotencyKeyReused extends Rejection {

    public IdempotencyKeyReused() {
        super("the Idempotency-Key was already used for a different request; use a new key for a new request",
                Wording.of("idempotency.key-reused"));
    }
}
