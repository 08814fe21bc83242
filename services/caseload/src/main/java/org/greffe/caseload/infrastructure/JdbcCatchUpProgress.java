package org.greffe.caseload.infrastructure;

import org.greffe.caseload.application.BuildProgress;
import org.greffe.caseload.application.CatchUpProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * The start-up bulk build's progress in the one row of {@code caseload_catch_up}. Each report commits in a transaction
 * of its own, even when the build's transaction is open on the reporting thread, so that every instance sees it at
 * once. Times are the database's, so that instances whose clocks differ agree on how old a report is.
 */
public class JdbcCatchUpProgress implements CatchUpProgress {

    /**
     * How long a report counts: the builder reports every second, so a report this old is a builder that stopped,
     * most likely with its instance; its transaction then rolled back and the processor goes on by itself.
     */
    static final int STALE_SECONDS = 15;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcCatchUpProgress(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void report(BuildProgress progress) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE caseload_catch_up SET running = true, events_read = ?, head = ?, events_per_second = ?,
                    reported_at = now()""", progress.eventsRead(), progress.head(), progress.eventsPerSecond()));
    }

    @Override
    public void ended() {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE caseload_catch_up SET running = false, reported_at = now()"));
    }

    @Override
    public Optional<BuildProgress> current() {
        return jdbc.query("""
                SELECT events_read, head, events_per_second FROM caseload_catch_up
                WHERE running AND reported_at > now() - ? * interval '1 second'""",
                (rs, row) -> new BuildProgress(true, rs.getLong("events_read"), rs.getLong("head"),
                        rs.getDouble("events_per_second")), STALE_SECONDS).stream().findFirst();
    }
}
