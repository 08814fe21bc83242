package org.greffe.audit.application;

import java.time.Instant;
import java.util.List;

/**
 * Why the sealer stopped below the newest stored event, and since when. The sealer never seals past such a point:
 * everything above it stays unsealed, and is counted as such, until the cause is gone.
 *
 * @param kind                 {@code REFUSED} (an event whose authentication code is missing or wrong) or
 *                             {@code WAITING} (a missing global index that an open transaction may still fill)
 * @param globalPosition       the global index the sealer stopped at: the refused event, or the missing index
 * @param since                when this instance's sealer first stopped there
 * @param reason               what was found, in plain words
 * @param blockingTransactions for {@code WAITING}, the open transactions that may still fill the missing index
 *                             (empty while the sealer gives an ordinary append a moment to commit)
 */
public record SealingStop(Kind kind, long globalPosition, Instant since, String reason,
                          List<BlockingTransaction> blockingTransactions) {

    public SealingStop {
        blockingTransactions = List.copyOf(blockingTransactions);
    }

    /** Whether this is the same stop as {@code other}, whatever its details now. */
    public boolean samePlace(SealingStop other) {
        return other != null && other.kind == kind && other.globalPosition == globalPosition;
    }

    /** Why sealing stopped. */
    public enum Kind {
        /** An event that was not appended through Greffe: never sealed, whatever happens next. */
        REFUSED,
        /** A global index below stored events is still missing, and a transaction that may fill it is open. */
        WAITING
    }

    /**
     * An open transaction that has written to the event table and was already running when the missing index was
     * first seen: it may hold that index. {@code null} fields are what PostgreSQL does not show to Greffe's role
     * (another role's session, unless Greffe's role may read all statistics).
     *
     * @param pid             the server process, for {@code pg_terminate_backend}; {@code null} for a prepared
     *                        transaction
     * @param startedAt       when the transaction began
     * @param ageSeconds      how long it has been open
     * @param state           {@code active}, {@code idle in transaction}, ...
     * @param applicationName what the client called itself
     */
    public record BlockingTransaction(Integer pid, Instant startedAt, Double ageSeconds, String state,
                                      String applicationName) {
    }
}
