package org.greffe.platform.eventlog;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashSet;
import java.util.Set;

/**
 * Writers' locks on the streams of the event log (a case's events): a PostgreSQL transaction-level advisory lock per
 * stream, held until the transaction ends, across every instance sharing the database, and gone with the transaction
 * even if the instance dies. Two streams whose identifiers hash alike only wait for each other.
 * <p>
 * The registry asks for a stream's lock before it loads a case to decide a command ({@link #lockBeforeRead}); the
 * event store takes it in the round trip that reads the stream's events ({@link #takeRequested}, then
 * {@link #LOCK}), as a statement of its own sent just before the read. The read then starts after the lock is held, so
 * under PostgreSQL's read committed isolation it sees every event the previous holder committed; a lock taken inside
 * the reading statement would not, since that statement's snapshot predates the wait. A lock asked for and never
 * taken is a bug: the transaction refuses to commit.
 */
public final class StreamLocks {

    /** Keeps Greffe's advisory locks apart from any other application's on the same database. */
    public static final long NAMESPACE = 0x6772_6566_6665L;

    /** Takes the lock of the stream named by the one parameter, waiting while another transaction holds it. */
    public static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(?, " + NAMESPACE + "))";

    private StreamLocks() {
    }

    /**
     * Asks for the stream's lock, held from the stream's next read in the current transaction until its end.
     *
     * @throws IllegalStateException outside a transaction, where no lock could be held until its end
     */
    public static void lockBeforeRead(String stream) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the lock of stream " + stream + " is held until its transaction ends: "
                    + "ask for it inside a transaction");
        }
        Requested requested = (Requested) TransactionSynchronizationManager.getResource(Requested.class);
        if (requested == null) {
            requested = new Requested();
            TransactionSynchronizationManager.bindResource(Requested.class, requested);
            TransactionSynchronizationManager.registerSynchronization(requested);
        }
        requested.streams.add(stream);
    }

    /**
     * Whether the current transaction asked for the stream's lock and has not taken it yet; if so, the caller takes
     * it ({@link #LOCK}) before it reads the stream, in the same transaction, and it counts as taken from now on.
     */
    public static boolean takeRequested(String stream) {
        Requested requested = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Requested) TransactionSynchronizationManager.getResource(Requested.class) : null;
        return requested != null && requested.streams.remove(stream);
    }

    /** The streams whose lock the transaction asked for and has not taken; forgotten when it ends. */
    private static final class Requested implements TransactionSynchronization {

        private final Set<String> streams = new HashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!streams.isEmpty()) {
                throw new IllegalStateException("the locks of streams " + streams + " were asked for, but their "
                        + "events were never read: whatever was decided on them was decided without the lock");
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Requested.class);
        }
    }
}
