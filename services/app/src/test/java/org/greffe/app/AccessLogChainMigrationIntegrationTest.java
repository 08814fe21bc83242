package org.greffe.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.greffe.audit.application.AccessChainHash;
import org.greffe.audit.application.AccessEntry;
import org.greffe.audit.application.ChainHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entries an access log held before it was chained are chained by the migration, in id order, with the layout
 * the verification recomputes in Java; their statuses move to {@code access_log_outcome}; the next entry recorded
 * links to the last of them. On a real PostgreSQL of its own, migrated step by step.
 */
class AccessLogChainMigrationIntegrationTest {

    @Test
    void entriesRecordedBeforeTheChainAreChainedByTheMigration(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).start()) {
            var dataSource = postgres.getPostgresDatabase();
            // Without the grants that follow every complete migration: they name the tables of the latest version.
            Flyway.configure().dataSource(dataSource).locations("classpath:db/audit").table("flyway_history_audit")
                  .skipDefaultCallbacks(true).target("2").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("""
                    INSERT INTO access_log (at, user_name, roles, method, path, operation, case_id, tribunal_id,
                                            client, status)
                    VALUES ('2026-11-28T02:37:48.509593Z', 'clerk', 'CLERK', 'GET', '/api/audit/cases/c-1/history',
                            'case-history', 'c-1', NULL, '127.0.0.1', 200),
                           ('2026-11-28T02:37:48.719547Z', 'aminata', 'AUDITOR', 'GET', '/api/audit/access?caseId=c-1',
                            'access-log', 'c-1', NULL, '127.0.0.1 forwarded-for 10.1.2.3', NULL),
                           ('2026-11-28T02:38:00Z', 'aminata', 'AUDITOR', 'POST', '/api/audit/verify', 'verify', NULL,
                            NULL, '127.0.0.1', 200)""");

            Flyway.configure().dataSource(dataSource).locations("classpath:db/audit").table("flyway_history_audit")
                  .placeholders(Map.of("appRole", "CURRENT_USER")).load().migrate();
            jdbc.update("INSERT INTO access_log (at, user_name, roles, method, path, operation, client) "
                    + "VALUES (now(), 'aminata', 'AUDITOR', 'GET', '/api/audit/rebuild', 'rebuild-status', '::1')");

            List<Object[]> rows = jdbc.query("SELECT * FROM access_log ORDER BY id", (rs, n) -> new Object[]{
                    new AccessEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getString("user_name"), rs.getString("roles"), rs.getString("method"),
                            rs.getString("path"), rs.getString("operation"), rs.getString("case_id"),
                            rs.getString("tribunal_id"), rs.getString("client"), null),
                    rs.getBytes("previous_hash"), rs.getBytes("hash")});
            assertThat(rows).hasSize(4);
            byte[] previous = ChainHash.GENESIS;
            for (Object[] row : rows) {
                assertThat((byte[]) row[1]).isEqualTo(previous);
                assertThat((byte[]) row[2]).isEqualTo(AccessChainHash.hash((AccessEntry) row[0], previous));
                previous = (byte[]) row[2];
            }
            assertThat(((AccessEntry) rows.get(0)[0]).at()).isEqualTo(Instant.parse("2026-11-28T02:37:48.509593Z"));
            assertThat(((AccessEntry) rows.get(3)[0]).id()).isEqualTo(4);
            assertThat(jdbc.queryForList("SELECT access_log_id || ':' || status FROM access_log_outcome "
                    + "ORDER BY access_log_id", String.class)).containsExactly("1:200", "3:200");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_name = 'access_log' AND column_name = 'status'", Long.class)).isZero();
        }
    }
}
