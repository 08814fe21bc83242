package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.registry.application.CaseLocks;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;

/**
 * Case locks as PostgreSQL transaction-level advisory locks: they hold across every Greffe instance sharing the
 * database and vanish with the transaction, even if the instance dies. Two cases whose ids hash alike only wait
 * for each other; they never see each other's data.
 */
public class PostgresCaseLocks implements CaseLocks {

    /** Keeps Greffe's advisory locks apart from any other application's on the same database. */
    private static final long NAMESPACE = 0x6772_6566_6665L;

    private final JdbcTemplate jdbc;

    public PostgresCaseLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockUntilCommit(CaseId caseId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))", rs -> null, caseId.value(), NAMESPACE);
    }

    /** One statement, taking the locks in the order of their keys: the same order for every chunk. */
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
            statement.setLong(1, NAMESPACE);
            statement.setArray(2, connection.createArrayOf("text", ids));
            return statement;
        }, rs -> null);
    }
}
