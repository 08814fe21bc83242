package org.greffe.registry.application;

import java.util.Optional;

/** The first result of each idempotency key. Both methods run inside the command's transaction. */
public interface IdempotencyStore {

    /**
     * Reserves the key for this request, or returns what was recorded under it. A concurrent request holding the
     * same key makes this wait until that request commits or rolls back, so two retries never both execute.
     *
     * @param foreseen the result the command will have if it succeeds, when that is known before it runs: recorded
     *                 with the reservation, so that a command that does as foreseen needs no {@link #complete}; or
     *                 {@code null}
     * @return empty when the key is now reserved for the caller
     */
    Optional<Recorded> reserve(String key, String fingerprint, CommandResult foreseen);

    /** Completes the caller's reservation with what its command did, when it was not foreseen so. */
    void complete(String key, CommandResult result);

    /**
     * A result recorded earlier.
     *
     * @param fingerprint fingerprint of the request that produced it
     * @param result      what the command did, marked as replayed
     */
    record Recorded(String fingerprint, CommandResult result) {
    }
}
