package org.greffe.platform.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable, refusing connections)
 * from every other failure, whatever wrapped it on its way up: Spring's data-access and transaction exceptions, Axon's
 * event-store and command exceptions, the connection pool's time-out, the driver's own. Such a failure is nobody's
 * fault and passes: the request may be sent again once the database is back, so it is answered 503 with
 * {@code Retry-After}, never 500.
 */
public final class DatabaseOutage {

    /** What an answer to a request refused for an outage tells the client to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /**
     * Whether the failure, or any failure that caused it, says the database could not be reached. A rollback that
     * failed too ({@link TransactionSystemException}) is followed to the failure that asked for it, which the
     * rollback's own failure (the connection already closed) hides; one that followed a failed commit is an outage.
     */
    public static boolean causes(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> toSee = new ArrayDeque<>();
        if (failure != null) {
            toSee.push(failure);
        }
        while (!toSee.isEmpty()) {
            Throwable cause = toSee.pop();
            if (seen.put(cause, true) != null) {
                continue;
            }
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback) {
                if (rollback.getApplicationException() == null) {
                    // A commit that failed, then a rollback that failed too: Spring keeps only the rollback's failure
                    // (the connection the commit lost, closed); whether the commit took is unknown, as in any outage.
                    return true;
                }
                toSee.push(rollback.getApplicationException());
            }
            if (cause.getCause() != null) {
                toSee.push(cause.getCause());
            }
        }
        return false;
    }

    /**
     * SQL states of a connection lost or refused: class 08 (connection exception), and the server shutting down or
     * not yet accepting connections (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
