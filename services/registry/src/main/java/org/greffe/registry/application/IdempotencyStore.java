package org.greffe.registry.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * What was recorded under each of these keys, for a docket chunk that holds the locks of every case the keys
     * were used on: a key absent from the answer was never used, or by a transaction that has not committed.
     */
    Map<String, Recorded> findAll(Collection<String> keys);

    /**
     * Records the results of a docket chunk's rows in one statement.
     *
     * @return the keys another transaction recorded first: the chunk must be rolled back and decided again
     */
    Set<String> recordAll(List<Completed> completed);

    /**
     * A result recorded earlier.
     *
     * @param fingerprint fingerprint of the request that produced it
     * @param result      what the command did, marked as replayed
     */
    record Recorded(String fingerprint, CommandResult result) {
    }

    /**
     * A result to record.
     *
     * @param key         the idempotency key
     * @param fingerprint fingerprint of the request
     * @param result      what its command did
     */
    record Completed(String key, String fingerprint, CommandResult result) {
    }
}
