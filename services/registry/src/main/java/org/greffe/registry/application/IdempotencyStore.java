package org.greffe.registry.application;

import java.util.Optional;

/** The first response to each idempotency key. Both methods run inside the command's transaction. */
public interface IdempotencyStore {

    /**
     * Reserves the key for this request, or returns what was recorded under it. A concurrent request holding the
     * same key makes this wait until that request commits or rolls back, so two retries never both execute.
     *
     * @return empty when the key is now reserved for the caller
     */
    Optional<Recorded> reserve(String key, String fingerprint);

    /** Completes the caller's reservation with the response it gave. */
    void complete(String key, CommandResponse response);

    /**
     * A response recorded earlier.
     *
     * @param fingerprint fingerprint of the request that produced it
     * @param response    the response
     */
    record Recorded(String fingerprint, CommandResponse response) {
    }
}
