package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.greffe.app.integrity.AppendKeys;
import org.greffe.app.integrity.EventAuthenticationCode;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event appended through Greffe carries a keyed authentication code, and the sealer seals nothing else. An
 * attacker writing to the database behind Greffe's back (a row at the head with a forged user, a code copied from
 * another event, an unsealed event edited, even a chain link computed for a forged row) is refused or found: the
 * sealer stops at the row, verify names it, health turns DOWN and the metric says so. Each test then removes what it
 * forged and shows that sealing goes on. The sealer's schedule is paused: the tests seal when they choose.
 */
class AuthenticatedAppendsIntegrationTest extends TamperingIntegrationTest {

    private static final String TRIBUNAL = "kidal";
    /** The tables an attacker touches here. */
    private static final List<String> TAMPERED = List.of("domain_event_entry", "event_authentication", "audit_chain");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "appends", false);
        registry.add("greffe.audit.seal-delay-ms", () -> "3600000");
        registry.add("greffe.audit.status-refresh", () -> "0s");
        // The holes left by the forged rows removed are crossed as soon as no transaction can still fill them.
        registry.add("greffe.audit.gap-settle", () -> "0s");
    }

    @Autowired
    private AppendKeys keys;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void everyEventAppendedThroughGreffeCarriesACodeOverItsStoredBytesAndIsSealed() {
        String caseId = fileCase("2019-05-06");
        assertThat(post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .status()).isEqualTo(201);
        List<String> events = jdbc.queryForList("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, caseId);
        assertThat(events).hasSize(2);
        for (String event : events) {
            Map<String, Object> code = jdbc.queryForMap("SELECT key_id, mac FROM event_authentication "
                    + "WHERE event_identifier = ?", event);
            assertThat(code.get("key_id")).isEqualTo(keys.current().id());
            assertThat((byte[]) code.get("mac")).hasSize(32)
                    .isEqualTo(EventAuthenticationCode.of(keys.current(), StoredEvents.of(jdbc, event)));
        }
        chain.sealPending();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE aggregate_identifier = ?", Long.class,
                caseId)).isEqualTo(2);
        assertVerifies();
    }

    @Test
    void aRecordedTimeFinerThanTheStoredMillisecondsIsAuthenticatedAsStored() {
        String caseId = UUID.randomUUID().toString();
        Instant recorded = Instant.parse("2024-02-29T10:15:30.123456789Z");
        var filing = new GenericDomainEventMessage<>("Case", caseId, 0, filing(caseId), Map.of("user", "clerk"),
                UUID.randomUUID().toString(), recorded);
        transaction.executeWithoutResult(status -> storageEngine.appendEvents(filing));

        assertThat(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, caseId)).isEqualTo("2024-02-29T10:15:30.123Z");
        chain.sealPending();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE aggregate_identifier = ?", Long.class,
                caseId)).isOne();
        assertVerifies();
    }

    @Test
    void aRowInsertedAtTheHeadWithAForgedUserIsNeverSealedAndIsReported() {
        String genuine = fileCase("2019-05-07");
        sealAndVerify();
        long forged = forgeAtTheHead(genuine, "awa.traore");
        String after = fileCase("2019-05-08");
        long afterIndex = indexOf(after);
        try {
            chain.sealPending();
            chain.sealPending();
            assertThat(sealedHead()).as("nothing sealed at or after the forged row").isLessThan(forged);

            JsonNode verification = post("/api/audit/verify", "").json();
            assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isFalse();
            JsonNode broken = verification.get("firstBroken");
            assertThat(broken.get("globalPosition").asLong()).isEqualTo(forged);
            assertThat(broken.get("reason").asText()).startsWith("unauthenticated: event ")
                    .contains("was not appended through Greffe (no authentication code)");
            JsonNode stop = verification.get("sealing").get("stop");
            assertThat(stop.get("kind").asText()).isEqualTo("REFUSED");
            assertThat(stop.get("globalPosition").asLong()).isEqualTo(forged);
            assertThat(verification.get("sealing").get("unsealedEvents").asLong()).isGreaterThanOrEqualTo(2);

            Response health = get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode component = health.json().get("components").get("auditChain");
            assertThat(component.get("status").asText()).isEqualTo("DOWN");
            assertThat(component.get("details").get("stop").get("globalPosition").asLong()).isEqualTo(forged);
            assertThat(component.get("details").get("problem").asText())
                    .contains("refuses the event at global index " + forged);
            assertThat(get("/actuator/health", ANONYMOUS).json().has("components"))
                    .as("the details are for auditors").isFalse();
            assertThat(get("/actuator/health/liveness", ANONYMOUS).status())
                    .as("a forged row is no reason to restart Greffe").isEqualTo(200);
            assertThat(get("/actuator/prometheus").text()).contains("greffe_audit_sealing_refused 1.0");
        } finally {
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", forged);
        }
        chain.sealPending();
        assertThat(sealedHead()).as("once the row is gone, sealing goes on").isGreaterThanOrEqualTo(afterIndex);
        assertVerifies();
        assertThat(get("/actuator/health").json().get("components").get("auditChain").get("status").asText())
                .isEqualTo("UP");
        assertThat(get("/actuator/prometheus").text()).contains("greffe_audit_sealing_refused 0.0");
    }

    @Test
    void aForgedRowWithAChainLinkOfItsOwnIsFoundByVerify() {
        String genuine = fileCase("2019-05-09");
        sealAndVerify();
        long forged = forgeAtTheHead(genuine, "mallory");
        // The attacker seals it himself: the chain table takes inserts from Greffe's role, and the hash is public.
        StoredEvent event = StoredEvents.of(jdbc, eventAt(forged));
        byte[] previous = jdbc.queryForObject("SELECT hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                byte[].class);
        tamper("INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash, "
                        + "previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged, event.eventIdentifier(),
                event.aggregateIdentifier(), event.sequenceNumber(), ChainHash.hash(event, previous), previous,
                ChainHash.hash(event, ChainHash.GENESIS), ChainHash.GENESIS, ChainHash.sha256(event.payload()),
                ChainHash.sha256(event.metaData()));
        try {
            JsonNode broken = assertBroken(forged, "unauthenticated: event " + event.eventIdentifier());
            assertThat(broken.get("reason").asText()).endsWith("it is sealed at this position all the same");
        } finally {
            tamper("DELETE FROM audit_chain WHERE global_index = ?", forged);
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", forged);
        }
        assertVerifies();
    }

    @Test
    void aCodeCopiedFromAnotherEventOrMadeWithAnUnknownKeyDoesNotVerify() {
        String genuine = fileCase("2019-05-10");
        sealAndVerify();
        long forged = forgeAtTheHead(genuine, "clerk");
        String forgedEvent = eventAt(forged);
        String genuineEvent = eventAt(indexOf(genuine));
        tamper("INSERT INTO event_authentication (event_identifier, key_id, mac) "
                + "SELECT ?, key_id, mac FROM event_authentication WHERE event_identifier = ?", forgedEvent,
                genuineEvent);
        try {
            chain.sealPending();
            assertBroken(forged, "unauthenticated: event " + forgedEvent).get("reason").asText()
                    .endsWith("(its authentication code does not verify)");

            tamper("DELETE FROM event_authentication WHERE event_identifier = ?", forgedEvent);
            tamper("INSERT INTO event_authentication (event_identifier, key_id, mac) VALUES (?, ?, ?)", forgedEvent,
                    "ffffffffffffffff", new byte[32]);
            assertThat(assertBroken(forged, "unauthenticated: event " + forgedEvent).get("reason").asText())
                    .contains("made with key ffffffffffffffff, which this instance does not hold");
            assertThat(sealedHead()).isLessThan(forged);
        } finally {
            tamper("DELETE FROM event_authentication WHERE event_identifier = ?", forgedEvent);
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", forged);
        }
        assertVerifies();
    }

    @Test
    void anUnsealedEventEditedBehindGreffesBackIsNeverSealed() {
        sealAndVerify();
        String caseId = fileCase("2019-05-11");
        long index = indexOf(caseId);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, index);
        tamper("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"women\":1', '\"women\":0'), 'UTF8') WHERE global_index = ?", index);
        try {
            chain.sealPending();
            assertThat(sealedHead()).isLessThan(index);
            assertBroken(index, "unauthenticated: event ").get("reason").asText()
                    .endsWith("was not appended through Greffe, or was altered since (its authentication code does "
                            + "not verify)");
        } finally {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, index);
        }
        chain.sealPending();
        assertThat(sealedHead()).isGreaterThanOrEqualTo(index);
        assertVerifies();
    }

    /**
     * Inserts by SQL, at the head of the log, a copy of a genuine filing under a new case id, with well-formed
     * metadata naming {@code user}; returns its global index.
     */
    private long forgeAtTheHead(String genuineCase, String user) {
        String caseId = UUID.randomUUID().toString();
        tamper(copyOfFilingWithMetaData(), caseId, UUID.randomUUID().toString(), "{\"correlationId\":\""
                + UUID.randomUUID() + "\",\"source\":\"api\",\"user\":\"" + user + "\"}", caseId, genuineCase);
        return indexOf(caseId);
    }

    private static CaseFiled filing(String caseId) {
        return new CaseFiled(new CaseId(caseId), newDocket(), new TribunalId(TRIBUNAL), LocalDate.of(2019, 5, 12),
                null, OffenceCategory.RAPE, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED, null);
    }

    private void sealAndVerify() {
        chain.sealPending();
        assertVerifies();
    }

    private long sealedHead() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit_chain", Long.class);
    }

    /**
     * What the database's administrator does behind Greffe's back (Greffe's own role cannot): one statement, with
     * the triggers of the tables he touches switched off, in one transaction.
     */
    private void tamper(String sql, Object... arguments) {
        asDba(dba -> {
            TAMPERED.forEach(table -> dba.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER"));
            dba.update(sql, arguments);
            TAMPERED.forEach(table -> dba.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER"));
        });
    }

    /** Verify finds nothing broken, and sealing goes on. */
    @Override
    protected JsonNode assertVerifies() {
        JsonNode verification = super.assertVerifies();
        assertThat(verification.get("sealing").get("stop").isNull()).as(verification.toString()).isTrue();
        return verification;
    }
}
