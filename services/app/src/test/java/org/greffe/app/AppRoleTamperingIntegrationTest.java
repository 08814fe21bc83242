package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.greffe.app.database.DatabaseRoles;
import org.greffe.app.security.Role;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.infrastructure.JdbcChainSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker holds Greffe's own database credentials (a stolen configuration, an injected statement) and connects
 * as its runtime role, {@link DatabaseRoles#APP}, on a connection of his own. Every attack on the log, its chain and
 * the access log is refused by PostgreSQL ({@code 42501}, insufficient privilege) or, when the role may do it
 * (insert), found by {@code POST /api/audit/verify}. These tests forge rows: they have a database of their own.
 */
class AppRoleTamperingIntegrationTest extends TamperingIntegrationTest {

    /**
     * Every append-only table: a migration gave each a trigger refusing {@code TRUNCATE} (which is how Greffe's
     * start-up check finds them) and one refusing {@code UPDATE} and {@code DELETE}. A new append-only table belongs
     * here, with its grant line in its service's {@code afterMigrate__grants.sql}.
     */
    static final List<String> APPEND_ONLY = List.of("access_log", "access_log_outcome", "audit_chain",
            "audit_tree_head", "audit_tree_leaf", "audit_tree_node", "caseload_cell_key_secret", "caseload_release",
            "caseload_release_tribunal", "domain_event_entry", "event_authentication", "event_authentication_start",
            "registry_docket_number", "registry_secret");

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String RAISED_BY_TRIGGER = "P0001";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "app-role", false);
        // Small batches: the chain's guard trigger must take the sealer's rows, batch after batch.
        registry.add("greffe.audit.seal-batch-size", () -> "2");
    }

    /** The sealer itself: {@link AuditChain#sealing()} keeps its answer for a while. */
    @Autowired
    private JdbcChainSealer sealer;

    @Test
    void theAppendOnlyTablesAreMarkedByTheirTriggersWhichStopEvenTheAdministrator() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APP);
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relnamespace = 'public'::regnamespace AND t.tgtype & 32 <> 0 ORDER BY c.relname""",
                String.class)).isEqualTo(APPEND_ONLY);
        fileCase("2019-03-01");
        JdbcTemplate dba = dbaJdbc();
        for (String table : APPEND_ONLY) {
            String column = firstColumn(table);
            assertThat(sqlState(() -> dba.execute("TRUNCATE " + table + " CASCADE"))).as("TRUNCATE " + table)
                    .isEqualTo(RAISED_BY_TRIGGER);
            // Row triggers fire on rows: an empty table has none to refuse.
            String refused = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class) > 0
                    ? RAISED_BY_TRIGGER : "";
            assertThat(sqlState(() -> dba.execute("UPDATE " + table + " SET " + column + " = " + column)))
                    .as("UPDATE " + table).isEqualTo(refused);
            assertThat(sqlState(() -> dba.execute("DELETE FROM " + table))).as("DELETE " + table)
                    .isEqualTo(refused);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isPositive();
    }

    @Test
    void theApplicationsRoleCanNeitherChangeNorRemoveNorUnprotectNorGiveAwayAnyAppendOnlyTable() {
        fileCase("2019-03-02");
        JdbcTemplate attacker = appRole();
        for (String table : APPEND_ONLY) {
            String column = firstColumn(table);
            for (String statement : List.of(
                    "UPDATE " + table + " SET " + column + " = " + column,
                    "DELETE FROM " + table,
                    "TRUNCATE " + table,
                    "ALTER TABLE " + table + " DISABLE TRIGGER USER",
                    "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                    "ALTER TABLE " + table + " OWNER TO " + DatabaseRoles.APP,
                    "ALTER TABLE " + table + " ADD COLUMN planted TEXT",
                    "DROP TABLE " + table,
                    "CREATE TRIGGER planted BEFORE INSERT ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()",
                    "SELECT * FROM " + table + " FOR UPDATE")) {
                assertThat(sqlState(() -> attacker.execute(statement))).as(statement)
                        .isEqualTo(INSUFFICIENT_PRIVILEGE);
            }
            // A role without grant options grants nothing (PostgreSQL only warns): the privileges stay as they were.
            attacker.execute("GRANT ALL ON " + table + " TO PUBLIC");
            attacker.execute("GRANT UPDATE, DELETE, TRUNCATE ON " + table + " TO " + DatabaseRoles.APP);
            for (String role : List.of(DatabaseRoles.APP, "public")) {
                for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")) {
                    assertThat(jdbc.queryForObject("SELECT has_table_privilege(?, ?, ?)", Boolean.class, role,
                            table, privilege)).as(role + " " + privilege + " " + table).isFalse();
                }
            }
        }
        for (String statement : List.of(
                "SELECT setval('domain_event_entry_global_index_seq', 1)",
                "ALTER SEQUENCE domain_event_entry_global_index_seq RESTART",
                "SELECT setval('access_log_id_seq', 1)",
                "SET session_replication_role = replica",
                "CREATE TABLE planted (id INT)",
                "ALTER FUNCTION domain_event_entry_append_only() OWNER TO " + DatabaseRoles.APP,
                "CREATE OR REPLACE FUNCTION domain_event_entry_append_only() RETURNS trigger LANGUAGE plpgsql "
                        + "AS $$ BEGIN RETURN NEW; END $$")) {
            assertThat(sqlState(() -> attacker.execute(statement))).as(statement).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
        assertThat(jdbc.queryForList("""
                SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                  AND pg_get_userbyid(c.relowner) = ?""", String.class, DatabaseRoles.APP))
                .as("Greffe's role owns nothing").isEmpty();
    }

    @Test
    void editDeleteAndTruncateOfTheLogAndItsChainAreRefusedAndTheLogStillVerifies() {
        String caseId = fileCase("2019-03-03");
        long index = indexOf(caseId);
        AuditChainIntegrationTest.sealThrough(chain, jdbc, index);
        JdbcTemplate attacker = appRole();

        assertThat(sqlState(() -> attacker.update("UPDATE domain_event_entry SET payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '\"women\":1', '\"women\":0'), 'UTF8') WHERE global_index = ?",
                index))).as("edit").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.update("DELETE FROM domain_event_entry WHERE global_index = ?", index)))
                .as("delete").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.execute("TRUNCATE domain_event_entry, audit_chain")))
                .as("truncate the log and its chain").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.execute("TRUNCATE access_log, access_log_outcome")))
                .as("truncate the access log").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.update("UPDATE audit_chain SET hash = previous_hash WHERE global_index = ?",
                index))).as("rewrite the chain").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.execute(
                "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only")))
                .as("disable the trigger").isEqualTo(INSUFFICIENT_PRIVILEGE);

        JsonNode verification = assertVerifies();
        assertThat(verification.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(index);
    }

    @Test
    void anInsertInTheMiddleOfTheLogIsRefused() {
        String caseId = fileCase("2019-03-04");
        long index = indexOf(caseId);
        AuditChainIntegrationTest.sealThrough(chain, jdbc, index);
        JdbcTemplate attacker = appRole();
        // An index the sequence never hands out, below every sealed event: the attacker names it himself.
        long hole = 0;
        assertThat(sqlState(() -> attacker.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT ?, aggregate_identifier, 1, type, ?, meta_data, payload, payload_revision, payload_type,
                       time_stamp
                FROM domain_event_entry WHERE global_index = ?""", hole, UUID.randomUUID().toString(), index)))
                .as("an event at an index of the attacker's choosing").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> attacker.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT aggregate_identifier, 0, type, ?, meta_data, payload, payload_revision, payload_type,
                       time_stamp
                FROM domain_event_entry WHERE global_index = ?""", UUID.randomUUID().toString(), index)))
                .as("a second first event of the case").isEqualTo("23505");
        assertThat(sqlState(() -> attacker.update("SELECT setval('domain_event_entry_global_index_seq', ?)", hole)))
                .as("the sequence moved back into the log").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertVerifies();
    }

    @Test
    void aWellFormedEventInsertedAtTheHeadIsNeverSealedAndVerifyReportsIt() {
        String genuine = fileCase("2019-03-05");
        AuditChainIntegrationTest.sealThrough(chain, jdbc, indexOf(genuine));
        String caseId = UUID.randomUUID().toString();
        appRole().update(copyOfFiling(), caseId, UUID.randomUUID().toString(), caseId, genuine);
        long forged = indexOf(caseId);
        try {
            chain.sealPending();
            assertThat(jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class))
                    .as("never sealed").isLessThan(forged);
            assertBroken(forged, "unauthenticated: event ");

            // The attacker seals it himself: his role may insert into the chain, and the hash is public.
            StoredEvent event = StoredEvents.of(jdbc, eventAt(forged));
            byte[] previous = jdbc.queryForObject("SELECT hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                    byte[].class);
            appRole().update("""
                    INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number,
                        hash, previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", forged, event.eventIdentifier(),
                    event.aggregateIdentifier(), event.sequenceNumber(), ChainHash.hash(event, previous), previous,
                    ChainHash.hash(event, ChainHash.GENESIS), ChainHash.GENESIS, ChainHash.sha256(event.payload()),
                    ChainHash.sha256(event.metaData()));
            assertBroken(forged, "unauthenticated: event " + event.eventIdentifier());
        } finally {
            asDba(dba -> {
                dba.execute("ALTER TABLE audit_chain DISABLE TRIGGER USER");
                dba.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
                dba.update("DELETE FROM audit_chain WHERE global_index = ?", forged);
                dba.update("DELETE FROM domain_event_entry WHERE global_index = ?", forged);
                dba.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
                dba.execute("ALTER TABLE audit_chain ENABLE TRIGGER USER");
            });
        }
        chain.sealPending();
        assertVerifies();
    }

    @Test
    void chainAndTreeRowsThatSealNoNextStoredEventAreRefusedAndSealingGoesOn() {
        fileCase("2019-06-01");
        chain.sealPending();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class);
        byte[] headHash = jdbc.queryForObject("SELECT hash FROM audit_chain WHERE global_index = ?", byte[].class,
                head);
        String sealedEvent = eventAt(head);
        JdbcTemplate attacker = appRole();
        String insert = """
                INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash,
                    previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash)
                VALUES (?, ?, 'forged', 0, ?, ?, ?, ?, ?, NULL)""";
        byte[] junk = ChainHash.sha256(new byte[]{1});
        // A row far above the log used to become the sealer's head: nothing more was sealed, and nothing said so.
        assertThat(sqlState(() -> attacker.update(insert, 9_000_000_000_000_000L, sealedEvent, junk, headHash, junk,
                ChainHash.GENESIS, junk))).as("far future index").isEqualTo(RAISED_BY_TRIGGER);
        assertThat(sqlState(() -> attacker.update(insert, head, sealedEvent, junk, headHash, junk, ChainHash.GENESIS,
                junk))).as("at the head").isIn(RAISED_BY_TRIGGER, "23505");
        fileCase("2019-06-02");
        fileCase("2019-06-03");
        long newest = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(sqlState(() -> attacker.update(insert, newest, eventAt(newest), junk, headHash, junk,
                ChainHash.GENESIS, junk))).as("skipping stored events").isEqualTo(RAISED_BY_TRIGGER);
        long next = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE global_index > ?",
                Long.class, head);
        assertThat(sqlState(() -> attacker.update(insert, next, eventAt(next), junk, junk, junk, ChainHash.GENESIS,
                junk))).as("not linked to the head").isEqualTo(RAISED_BY_TRIGGER);
        long leaves = jdbc.queryForObject("SELECT count(*) FROM audit_tree_leaf", Long.class);
        assertThat(sqlState(() -> attacker.update("INSERT INTO audit_tree_leaf (leaf_index, global_index) "
                + "VALUES (?, ?)", leaves + 1_000_000, head))).as("leaf far ahead").isEqualTo(RAISED_BY_TRIGGER);
        assertThat(sqlState(() -> attacker.update("INSERT INTO audit_tree_leaf (leaf_index, global_index) "
                + "VALUES (?, ?)", leaves, next))).as("leaf of an unsealed event").isEqualTo(RAISED_BY_TRIGGER);

        chain.sealPending();
        assertThat(jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class)).isEqualTo(newest);
        assertThat(sealer.status().unsealedEvents()).isZero();
        assertThat(sealer.status().refused()).isFalse();
        assertVerifies();
    }

    @Test
    void aChainHeadAboveTheLogIsReportedAsARefusalNotAsNothingToSeal() {
        fileCase("2019-06-04");
        chain.sealPending();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class);
        long far = 8_000_000_000_000_000L;
        // Only with the guard trigger disabled, which takes the owner: the sealer must still say so.
        asDba(dba -> {
            dba.execute("ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_guard");
            dba.update("""
                    INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number,
                        hash, previous_hash, case_hash, case_previous_hash, payload_hash)
                    SELECT ?, 'forged-far', 'forged', 0, hash, hash, hash, hash, hash FROM audit_chain
                    WHERE global_index = ?""", far, head);
            dba.execute("ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_guard");
        });
        try {
            fileCase("2019-06-05");
            assertThat(sealer.status().refused()).as("status, before the sealer's next round").isTrue();
            chain.sealPending();
            assertThat(sealer.status().refused()).isTrue();
            assertThat(sealer.status().stop().globalPosition()).isEqualTo(far);
            assertThat(sealer.status().stop().reason()).contains("above the newest stored event");
        } finally {
            asDba(dba -> {
                dba.execute("ALTER TABLE audit_chain DISABLE TRIGGER USER");
                dba.update("DELETE FROM audit_chain WHERE global_index = ?", far);
                dba.execute("ALTER TABLE audit_chain ENABLE TRIGGER USER");
            });
        }
        chain.sealPending();
        assertThat(sealer.status().refused()).isFalse();
        assertVerifies();
    }

    @Test
    void anOutcomeCannotBeWrittenAheadAndAnEntryGetsTheServersTime() {
        get("/api/audit/rebuild", as("app.auditor", Role.AUDITOR));
        JdbcTemplate attacker = appRole();
        long last = jdbc.queryForObject("SELECT max(id) FROM access_log", Long.class);
        // Written ahead, the forged status would have stood in place of the real one, which was silently dropped.
        assertThat(sqlState(() -> attacker.update("INSERT INTO access_log_outcome (access_log_id, status) "
                + "VALUES (?, 200)", last + 5))).isEqualTo("23503");

        Timestamp before = jdbc.queryForObject("SELECT statement_timestamp()", Timestamp.class);
        Map<String, Object> entry = attacker.queryForMap("""
                INSERT INTO access_log (at, user_name, roles, method, path, operation, client)
                VALUES ('2001-01-01T00:00:00Z', 'mallory', 'AUDITOR', 'GET', '/api/audit/export', 'export',
                        '10.6.6.6') RETURNING id, at""");
        Timestamp at = (Timestamp) entry.get("at");
        assertThat(at).isAfterOrEqualTo(before);
        // The link covers the time the entry holds.
        assertThat(jdbc.queryForObject("""
                SELECT hash = greffe_access_link(id, at, user_name, roles, method, path, operation, case_id,
                                                 tribunal_id, client, previous_hash)
                FROM access_log WHERE id = ?""", Boolean.class, entry.get("id"))).isTrue();
    }

    @Test
    void temporaryTablesNamedLikeTheAccessLogDoNotDivertItsTrigger() {
        List<String> functions = List.of("access_log_append_only", "access_log_outcome_append_only",
                "access_log_chain", "greffe_access_field", "greffe_access_link", "audit_chain_append_only",
                "audit_tree_append_only", "audit_chain_guard", "audit_tree_leaf_guard");
        for (String function : functions) {
            assertThat(jdbc.queryForObject("SELECT array_to_string(proconfig, ';') FROM pg_proc WHERE proname = ?",
                    String.class, function)).as(function).isEqualTo("search_path=pg_catalog, public, pg_temp");
        }
        get("/api/audit/rebuild", as("app.auditor", Role.AUDITOR));
        // Whether or not PUBLIC may still create temporary tables, the attacker here may.
        asDba(dba -> dba.execute("DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', "
                + "current_database(), '" + DatabaseRoles.APP + "'); END $$"));
        try {
            JdbcTemplate attacker = new JdbcTemplate(new SingleConnectionDataSource(
                    ((HikariDataSource) dataSource).getJdbcUrl(), DatabaseRoles.APP, null, true));
            attacker.execute("CREATE TEMP TABLE access_log (LIKE public.access_log INCLUDING DEFAULTS)");
            attacker.execute("CREATE TEMP SEQUENCE access_log_id_seq START 900000000");
            long last = jdbc.queryForObject("SELECT max(id) FROM access_log", Long.class);
            byte[] lastHash = jdbc.queryForObject("SELECT hash FROM access_log WHERE id = ?", byte[].class, last);
            Map<String, Object> entry = attacker.queryForMap("""
                    INSERT INTO public.access_log (at, user_name, roles, method, path, operation, client)
                    VALUES (now(), 'mallory', 'AUDITOR', 'GET', '/api/audit/export', 'export', '10.6.6.6')
                    RETURNING id, previous_hash""");
            assertThat((Long) entry.get("id")).isGreaterThan(last).isLessThan(900000000L);
            assertThat((byte[]) entry.get("previous_hash")).isEqualTo(lastHash);
        } finally {
            asDba(dba -> dba.execute("DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', "
                    + "current_database(), '" + DatabaseRoles.APP + "'); END $$"));
        }
    }

    private String firstColumn(String table) {
        return jdbc.queryForObject("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum = 1",
                String.class, table);
    }

    @Test
    void theApplicationsRoleCannotShadowGreffesTablesWithTemporaryTablesNorTablesOfItsOwn() {
        JdbcTemplate attacker = appRole();
        // pg_temp is searched first: a temporary domain_event_entry would take the appends of its (pooled)
        // connection, a temporary access_log_id_seq the access log's chaining.
        for (String statement : List.of(
                "CREATE TEMPORARY TABLE domain_event_entry (LIKE public.domain_event_entry INCLUDING ALL)",
                "CREATE TEMPORARY SEQUENCE access_log_id_seq",
                "CREATE TABLE public.planted (id INT)",
                "CREATE SCHEMA planted")) {
            assertThat(sqlState(() -> attacker.execute(statement))).as(statement).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
        assertThat(jdbc.queryForList("""
                SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
                  AND NOT coalesce('search_path=pg_catalog, public' = ANY (p.proconfig), false)
                  AND p.proname IN ('domain_event_entry_append_only', 'event_authentication_append_only',
                                    'registry_append_only', 'caseload_published_is_final')""", String.class))
                .as("trigger functions without a pinned search_path").isEmpty();
    }

    @Test
    void aForgedSnapshotChangesNoCommandOutcomeAndTheApplicationsRoleCannotWriteOrReadOne() {
        String caseId = fileCase("2019-03-03");
        String base = "/api/cases/" + caseId;
        assertThat(post(base + "/judgment", "{\"on\":\"2019-04-01\",\"verdict\":\"CONVICTION\"}").status())
                .as("no trial held").isEqualTo(409);
        String forge = """
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_type, time_stamp)
                VALUES (?, ?, 'Case', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'),
                        'org.greffe.registry.model.Case', '2019-03-03T00:00:00Z')""";
        assertThat(sqlState(() -> appRole().update(forge, caseId, 0L, UUID.randomUUID().toString(), "{}")))
                .as("the runtime role writes no snapshot").isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState(() -> appRole().queryForList("SELECT aggregate_identifier FROM snapshot_event_entry")))
                .as("nor reads one: its event store never looks").isEqualTo(INSUFFICIENT_PRIVILEGE);
        // Greffe takes no snapshot; one written by whoever may (the DBA here) is never read: an empty case ahead of
        // the log, or one with a trial held, would otherwise be the state the next command is decided on.
        JdbcTemplate dba = dbaJdbc();
        dba.update(forge, caseId, 41L, UUID.randomUUID().toString(), "{}");
        dba.update(forge, caseId, 42L, UUID.randomUUID().toString(),
                "{\"caseId\":{\"value\":\"" + caseId + "\"},\"trialHeld\":true}");
        assertThat(post(base + "/judgment", "{\"on\":\"2019-04-01\",\"verdict\":\"CONVICTION\"}").status())
                .as("still no trial held").isEqualTo(409);
        Response scheduled = post(base + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-05-02\"}");
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        Response held = post(base + "/hearings/" + scheduled.json().get("hearingId").asText() + "/held",
                "{\"on\":\"2019-05-02\"}");
        assertThat(held.status()).as(held.text()).isEqualTo(200);
        assertThat(held.json().get("version").asLong()).as("the case's own events, from the first").isEqualTo(2);
    }
}
