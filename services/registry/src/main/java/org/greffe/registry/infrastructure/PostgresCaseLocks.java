package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.platform.eventlog.StreamLocks;
import org.greffe.registry.application.CaseLocks;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;

/**
 * Case locks as the writers' locks of the event log's streams ({@link StreamLocks}): PostgreSQL transaction-level
 * advisory locks, which hold across every Greffe instance sharing the database and vanish with the transaction, even
 * if the instance dies. The event store takes a case's lock in the round trip that reads the case's events, so the
 * lock costs no round trip of its own. Two cases whose ids hash alike only wait for each other; they never see each
 * other's data. A docket chunk takes the same locks of all its cases in one statement of its own.
 */
public class PostgresCaseLocks implements CaseLocks {

    private final JdbcTemplate jdbc;

    public PostgresCaseLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockUntilCommit(CaseId caseId) {
        StreamLocks.lockBeforeRead(caseId.value());
    }

    /** One statement, taking the streams' locks in the order of their keys: the same order for every chunk. */
    @Override
    public void lockAllUntilCommit(Collection<CaseId> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        String[] ids = caseIds.stream().map(CaseId::value).distinct().toArray(String[]::new);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(lock_key)) FROM (
                        SELECT DISTINCT hashtextextended(id, ?) AS lock_key FROM unnest(?::text[]) AS id
                        ORDER BY lock_key) AS ordered""");
            statement.setLong(1, StreamLocks.NAMESPACE);
            statement.setArray(2, connection.createArrayOf("text", ids));
            return statement;
        }, rs -> null);
    }
}
