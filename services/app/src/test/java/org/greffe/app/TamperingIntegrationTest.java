package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.greffe.app.database.DatabaseRoles;
import org.greffe.audit.application.AuditChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests that tamper with the stored log share: the attackers' connections (Greffe's own role, and the
 * database's administrator of {@link HttpIntegrationTest#asDba}), the refusals they meet, and what verify must say
 * of what they changed.
 */
abstract class TamperingIntegrationTest extends HttpIntegrationTest {

    /**
     * Inserts a copy of a genuine filing under a new case id, at the head of the log. Its arguments: the new case id,
     * a new event identifier, then (when the metadata is {@code convert_to(?, 'UTF8')}) the metadata, then the new
     * case id again and the genuine case's id.
     */
    private static final String COPY_OF_FILING = """
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                meta_data, payload, payload_revision, payload_type, time_stamp)
            SELECT ?, 0, type, ?, %s,
                   convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?), 'UTF8'),
                   payload_revision, payload_type, time_stamp
            FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""";

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected AuditChain chain;

    /** Greffe's runtime role, with its own credentials, on a connection of the attacker's. */
    protected JdbcTemplate appRole() {
        return new JdbcTemplate(new DriverManagerDataSource(((HikariDataSource) dataSource).getJdbcUrl(),
                DatabaseRoles.APP, null));
    }

    /** The SQL that copies a genuine filing with its own metadata. */
    protected static String copyOfFiling() {
        return COPY_OF_FILING.formatted("meta_data");
    }

    /** The SQL that copies a genuine filing with the metadata given as an argument (text). */
    protected static String copyOfFilingWithMetaData() {
        return COPY_OF_FILING.formatted("convert_to(?, 'UTF8')");
    }

    /** The SQLSTATE the statement failed with, or an empty string when it succeeded. */
    protected static String sqlState(Runnable statement) {
        try {
            statement.run();
            return "";
        } catch (RuntimeException e) {
            List<Throwable> causes = new ArrayList<>();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                causes.add(cause);
                if (cause instanceof SQLException sql) {
                    return sql.getSQLState();
                }
            }
            throw new AssertionError("not refused by PostgreSQL: " + causes, e);
        }
    }

    /** The global index of the case's first stored event. */
    protected long indexOf(String caseId) {
        return jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);
    }

    /** The event identifier of the event stored at the global index. */
    protected String eventAt(long index) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, index);
    }

    /** Verify finds the chain broken first at the position, for a reason starting so; its report of that link. */
    protected JsonNode assertBroken(long position, String reason) {
        JsonNode verification = post("/api/audit/verify", "").json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isFalse();
        JsonNode broken = verification.get("firstBroken");
        assertThat(broken.get("globalPosition").asLong()).as(verification.toString()).isEqualTo(position);
        assertThat(broken.get("reason").asText()).startsWith(reason);
        return broken;
    }

    /** Verify finds nothing broken; its report. */
    protected JsonNode assertVerifies() {
        JsonNode verification = post("/api/audit/verify", "").json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        return verification;
    }
}
