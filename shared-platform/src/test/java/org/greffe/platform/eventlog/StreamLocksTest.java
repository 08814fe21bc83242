package org.greffe.platform.eventlog;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stream's lock is asked for within a transaction, taken by one read, and never left untaken at commit. */
class StreamLocksTest {

    private final TransactionTemplate transaction = new TransactionTemplate(new NoDatabase());

    @Test
    void aLockAskedForIsTakenByTheStreamsNextReadAndOnlyOnce() {
        transaction.executeWithoutResult(status -> {
            StreamLocks.lockBeforeRead("case-1");
            assertThat(StreamLocks.takeRequested("case-2")).as("another stream").isFalse();
            assertThat(StreamLocks.takeRequested("case-1")).isTrue();
            assertThat(StreamLocks.takeRequested("case-1")).as("already taken").isFalse();
        });
    }

    @Test
    void aLockIsForgottenWithItsTransaction() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            StreamLocks.lockBeforeRead("case-1");
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(IllegalArgumentException.class);
        transaction.executeWithoutResult(status ->
                assertThat(StreamLocks.takeRequested("case-1")).as("asked for by another transaction").isFalse());
    }

    @Test
    void aTransactionThatAskedForALockItNeverTookDoesNotCommit() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> StreamLocks.lockBeforeRead("case-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("case-1");
        transaction.executeWithoutResult(status -> assertThat(StreamLocks.takeRequested("case-1")).isFalse());
    }

    @Test
    void noLockOutsideATransaction() {
        assertThatThrownBy(() -> StreamLocks.lockBeforeRead("case-1")).isInstanceOf(IllegalStateException.class);
        assertThat(StreamLocks.takeRequested("case-1")).isFalse();
    }

    /** Transactions with their synchronisations, and no database behind them. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
