package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.app.AuditChainIntegrationTest.sealThrough;

/**
 * An attacker with database rights (the append-only trigger disabled) edits, deletes, inserts and swaps stored
 * events: the verification names the first altered position and what was done there. Each test restores what it
 * damaged and checks that the log verifies again, so that no case masks another. The sealer is also shown never to
 * seal past an event whose transaction is still open. These tests damage the log: they have a database of their own.
 */
class AuditTamperingIntegrationTest extends TamperingIntegrationTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "tamper", false);
        registry.add("greffe.audit.gap-settle", () -> "200ms");
    }

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void aPayloadEditedInPlaceIsFound() {
        long[] events = twoSealedEvents();
        byte[] original = payload(events[0]);
        tamper("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"women\":1', '\"women\":0'), 'UTF8') WHERE global_index = ?", events[0]);
        try {
            assertBroken(events[0], "payload edited in place");
        } finally {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, events[0]);
        }
        assertVerifies();
    }

    @Test
    void aDeletedEventIsFound() {
        long[] events = twoSealedEvents();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?",
                events[1]);
        tamper("DELETE FROM domain_event_entry WHERE global_index = ?", events[1]);
        try {
            assertBroken(events[1], "event deleted");
        } finally {
            tamper("INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("global_index"),
                    row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"),
                    row.get("event_identifier"), row.get("meta_data"), row.get("payload"),
                    row.get("payload_revision"), row.get("payload_type"), row.get("time_stamp"));
        }
        assertVerifies();
    }

    @Test
    void aForgedEventInsertedBelowTheSealedHeadIsFound() {
        // A rolled-back append leaves an unused index; the forger fills it once later events are sealed.
        long unused = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        long[] events = twoSealedEvents();
        assertThat(events[0]).isGreaterThan(unused);
        tamper("INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "SELECT ?, 'forged-case', 0, type, ?, meta_data, payload, payload_revision, "
                + "'org.greffe.test.Forged', time_stamp FROM domain_event_entry WHERE global_index = ?",
                unused, UUID.randomUUID().toString(), events[0]);
        try {
            assertBroken(unused, "event inserted");
        } finally {
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", unused);
        }
        assertVerifies();
    }

    @Test
    void swappedPayloadsAreFound() {
        long[] events = twoSealedEvents();
        byte[] first = payload(events[0]);
        byte[] second = payload(events[1]);
        tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", second, events[0]);
        tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", first, events[1]);
        try {
            JsonNode broken = assertBroken(events[0], "events swapped");
            assertThat(broken.get("reason").asText()).contains("position " + events[1]);
        } finally {
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", first, events[0]);
            tamper("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", second, events[1]);
        }
        assertVerifies();
    }

    @Test
    void swappedGlobalIndexesAreFound() {
        long[] events = twoSealedEvents();
        swapIndexes(events[0], events[1]);
        try {
            JsonNode broken = assertBroken(events[0], "events swapped");
            assertThat(broken.get("reason").asText()).contains("sealed at position " + events[1]);
        } finally {
            swapIndexes(events[0], events[1]);
        }
        assertVerifies();
    }

    @Test
    void theSealerNeverSealsPastAnOpenTransaction() throws Exception {
        sealThrough(chain, jdbc, twoSealedEvents()[1]);
        CompletableFuture<Long> early = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        // An append through Greffe's event store whose transaction stays open: it holds its global index.
        Thread held = new Thread(() -> transaction.executeWithoutResult(status -> {
            String caseId = UUID.randomUUID().toString();
            storageEngine.appendEvents(new GenericDomainEventMessage<>("Case", caseId, 0,
                    new CaseFiled(new CaseId(caseId), newDocket(), new TribunalId("kidal"), LocalDate.of(2020, 6, 3),
                            null, OffenceCategory.RAPE, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED,
                            null)));
            early.complete(jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?", Long.class, caseId));
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        held.start();
        long earlyIndex = early.get(30, TimeUnit.SECONDS);
        try {
            String later = fileCase("2019-05-02");
            long late = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier "
                    + "= ?", Long.class, later);
            assertThat(late).isGreaterThan(earlyIndex);

            // Several rounds, past the gap settle time: the open transaction must hold the chain back throughout.
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                chain.sealPending();
                Thread.sleep(100);
            }
            assertThat(jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class))
                    .as("nothing sealed at or past the open transaction's index").isLessThan(earlyIndex);

            release.countDown();
            held.join(30_000);
            sealThrough(chain, jdbc, late);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE global_index IN (?, ?)",
                    Long.class, earlyIndex, late)).isEqualTo(2);
        } finally {
            release.countDown();
        }
        assertVerifies();
    }

    /** Files two cases and seals them; returns their events' positions. */
    private long[] twoSealedEvents() {
        String first = fileCase("2019-04-01");
        String second = fileCase("2019-04-02");
        long[] positions = {indexOf(first), indexOf(second)};
        sealThrough(chain, jdbc, positions[1]);
        assertVerifies();
        return positions;
    }

    private byte[] payload(long index) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class,
                index);
    }

    private void swapIndexes(long a, long b) {
        tamper("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", -a, a);
        tamper("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", a, b);
        tamper("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", b, -a);
    }

    /**
     * What the database's administrator does (Greffe's own role cannot): switch the append-only trigger off, change,
     * switch it back on, in one transaction.
     */
    private void tamper(String sql, Object... arguments) {
        asDba(dba -> {
            dba.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            dba.update(sql, arguments);
            dba.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        });
    }
}
