package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access log is chained like the event log and verified with it: concurrent requests still form one chain, and
 * an attacker who switches the triggers off to alter, delete or slip in an entry is found by
 * {@code POST /api/audit/verify}, which names the first entry that breaks. Each test restores what it damaged and
 * checks that the log verifies again. These tests damage the access log: they have a database of their own.
 */
class AccessLogChainIntegrationTest extends HttpIntegrationTest {

    private static final String[] AUDITOR = as("chain.auditor", Role.AUDITOR);
    private static final String ENTRY_COLUMNS = "id, at, user_name, roles, method, path, operation, case_id, "
            + "tribunal_id, client, previous_hash, hash";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "access-chain", false);
    }

    @Test
    void concurrentRequestsFormOneUnbrokenChain() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(clients.submit(() -> get("/api/audit/rebuild", AUDITOR).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
        }
        JsonNode accessLog = verifiedAccessLog();
        long entries = jdbc.queryForObject("SELECT count(*) FROM access_log", Long.class);
        assertThat(accessLog.get("entriesChecked").asLong()).as("the verification's own entry included")
                .isEqualTo(entries);
        assertThat(accessLog.get("headId").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT max(id) FROM access_log", Long.class));
        assertThat(accessLog.get("head").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT encode(hash, 'hex') FROM access_log ORDER BY id DESC LIMIT 1", String.class));
    }

    @Test
    void anAlteredEntryIsFound() {
        long id = middleEntry();
        String user = jdbc.queryForObject("SELECT user_name FROM access_log WHERE id = ?", String.class, id);
        tamper("UPDATE access_log SET user_name = 'someone.else' WHERE id = ?", id);
        try {
            assertBroken(id, "entry altered: entry " + id + " no longer matches the hash it was chained with");
        } finally {
            tamper("UPDATE access_log SET user_name = ? WHERE id = ?", user, id);
        }
        verifiedAccessLog();
    }

    @Test
    void aDeletedEntryIsFound() {
        long id = middleEntry();
        Map<String, Object> row = jdbc.queryForMap("SELECT " + ENTRY_COLUMNS + " FROM access_log WHERE id = ?", id);
        long next = jdbc.queryForObject("SELECT min(id) FROM access_log WHERE id > ?", Long.class, id);
        tamper("DELETE FROM access_log WHERE id = ?", id);
        try {
            assertBroken(next, "entry deleted: entry " + next + " was chained to an entry that is no longer in the "
                    + "log, after entry ");
        } finally {
            tamper("INSERT INTO access_log (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"), row.get("at"), row.get("user_name"), row.get("roles"), row.get("method"),
                    row.get("path"), row.get("operation"), row.get("case_id"), row.get("tribunal_id"),
                    row.get("client"), row.get("previous_hash"), row.get("hash"));
        }
        verifiedAccessLog();
    }

    @Test
    void anEntrySlippedInWithAWellComputedLinkIsFound() {
        long before = middleEntry();
        // An id left unused (as by an access that could not be recorded), then genuine entries after it.
        tamper("DO $$ BEGIN PERFORM nextval('access_log_id_seq'); END $$");
        long unused = dbaJdbc().queryForObject("SELECT last_value FROM access_log_id_seq", Long.class);
        get("/api/audit/rebuild", AUDITOR);
        long after = jdbc.queryForObject("SELECT min(id) FROM access_log WHERE id > ?", Long.class, unused);
        long predecessor = jdbc.queryForObject("SELECT max(id) FROM access_log WHERE id < ?", Long.class, unused);
        // The forger fills the unused id with an entry chained to the one before it, as the trigger would have.
        tamper("""
                INSERT INTO access_log (id, at, user_name, roles, method, path, operation, case_id, tribunal_id,
                                        client, previous_hash, hash)
                SELECT ?, p.at, 'mallory', 'AUDITOR', 'GET', '/api/audit/export', 'export', NULL, NULL, '10.6.6.6',
                       p.hash, greffe_access_link(?, p.at, 'mallory', 'AUDITOR', 'GET', '/api/audit/export', 'export',
                                                  NULL, NULL, '10.6.6.6', p.hash)
                FROM access_log p WHERE p.id = ?""", unused, unused, predecessor);
        try {
            assertThat(before).isLessThanOrEqualTo(predecessor);
            assertBroken(unused, "entry inserted: entry " + unused + " stands between entries " + predecessor
                    + " and " + after + ", which were chained to each other");
        } finally {
            tamper("DELETE FROM access_log WHERE id = ?", unused);
        }
        verifiedAccessLog();
    }

    @Test
    void theOutcomeOfAnAccessIsKeptApartAndCannotBeChanged() {
        get("/api/audit/rebuild", AUDITOR);
        long id = jdbc.queryForObject("SELECT max(access_log_id) FROM access_log_outcome", Long.class);
        assertThat(jdbc.queryForObject("SELECT status FROM access_log_outcome WHERE access_log_id = ?",
                Integer.class, id)).isEqualTo(200);
        // Greffe's own role has no such privilege (AppRoleTamperingIntegrationTest); the triggers stop even the DBA.
        JdbcTemplate dba = dbaJdbc();
        assertThatThrownBy(() -> dba.update("UPDATE access_log_outcome SET status = 500 WHERE access_log_id = ?",
                id)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.update("DELETE FROM access_log_outcome WHERE access_log_id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.execute("TRUNCATE access_log_outcome"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.update("UPDATE access_log SET path = path WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    /** An entry with entries after it, once there are a few. */
    private long middleEntry() {
        for (int i = 0; i < 3; i++) {
            get("/api/audit/rebuild", AUDITOR);
        }
        return jdbc.queryForObject("SELECT max(id) - 1 FROM access_log", Long.class);
    }

    /**
     * What the database's administrator does behind Greffe's back: one statement with the access log's triggers
     * (append-only and chaining) switched off, in one transaction.
     */
    private void tamper(String sql, Object... arguments) {
        asDba(dba -> {
            // Replica mode: neither the triggers nor the outcomes' foreign key stop the forger.
            dba.execute("SET LOCAL session_replication_role = replica");
            dba.update(sql, arguments);
        });
    }

    private void assertBroken(long id, String reason) {
        JsonNode verification = post("/api/audit/verify", "", AUDITOR).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isFalse();
        JsonNode accessLog = verification.get("accessLog");
        assertThat(accessLog.get("ok").asBoolean()).isFalse();
        assertThat(accessLog.get("firstBroken").get("id").asLong()).as(accessLog.toString()).isEqualTo(id);
        assertThat(accessLog.get("firstBroken").get("reason").asText()).startsWith(reason);
    }

    private JsonNode verifiedAccessLog() {
        JsonNode verification = post("/api/audit/verify", "", AUDITOR).json();
        JsonNode accessLog = verification.get("accessLog");
        assertThat(accessLog.get("ok").asBoolean()).as(accessLog.toString()).isTrue();
        assertThat(accessLog.get("firstBroken").isNull()).isTrue();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        return accessLog;
    }
}
