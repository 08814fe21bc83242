package org.greffe.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void aConnectionLostOrRefusedIsAnOutageHoweverDeepItIsWrapped() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        RuntimeException axon = new RuntimeException("command failed", new IllegalStateException("append failed",
                lost));

        assertThat(DatabaseOutage.causes(axon)).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("the database system is shutting down", "57P01"))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseOutage.causes(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causes(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aRollbackThatFailedIsFollowedToTheFailureThatAskedForIt() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new RuntimeException(new SQLException("I/O error", "08006")));
        TransactionSystemException rollbackOfABug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackOfABug.initApplicationException(new IllegalStateException("a bug"));

        TransactionSystemException rollbackAfterACommitLost = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));

        assertThat(DatabaseOutage.causes(rollback)).isTrue();
        assertThat(DatabaseOutage.causes(rollbackOfABug)).isFalse();
        assertThat(DatabaseOutage.causes(rollbackAfterACommitLost))
                .as("the commit's failure, which Spring only logs, lost with the connection").isTrue();
    }

    @Test
    void everyOtherFailureIsNot() {
        assertThat(DatabaseOutage.causes(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("permission denied", "42501"))).isFalse();
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("unique"))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causes(null)).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(DatabaseOutage.causes(first)).isFalse();
    }
}
