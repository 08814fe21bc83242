package org.greffe.app;

import org.greffe.app.integrity.AppendKeys;
import org.greffe.events.CaseFiled;
import org.greffe.audit.application.AuditChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code CaseFiled} stored in revision 1 (the golden file of that revision, inserted as-is into the event
 * table, with the authentication code the Greffe that stored it would have recorded) is read back by the event store
 * as revision 2 with no incident date, and the case goes on.
 */
class CaseFiledUpcasterIntegrationTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    AppendKeys keys;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditChain chain;

    @Test
    void revisionOneIsReadAsRevisionTwoWithoutIncidentDate() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String v1;
        try (InputStream in = getClass().getResourceAsStream("/golden/CaseFiled.v1.json")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("3f1c2a9e-5b7d-4e0a-9c61-2d8f4b7a1e05", caseId)
                    .replace("RG-2019-0042", "UPCAST-" + caseId.substring(0, 8));
        }
        String eventId = UUID.randomUUID().toString();
        // In one transaction, as Greffe appends: the sealer never sees the row without its code.
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, 0, 'Case', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1', ?,
                        '2020-01-01T00:00:00Z')""",
                    caseId, eventId, v1, CaseFiled.class.getName());
            // This test shares its database with the others: a row the sealer refused would stop their sealing.
            StoredEvents.authenticate(jdbc, keys, eventId);
        });

        var events = eventStore.readEvents(caseId).asStream().toList();
        assertThat(events).hasSize(1);
        CaseFiled filed = (CaseFiled) events.get(0).getPayload();
        assertThat(filed.caseId().value()).isEqualTo(caseId);
        assertThat(filed.incidentOn()).isNull();
        assertThat(filed.filedOn()).hasToString("2019-03-14");

        Response held = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}");
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        // Recorded "in 2020", the row would count as overdue for sealing until sealed: leave the shared database
        // sealed, so that a health check run next does not find it waiting.
        AuditChainIntegrationTest.sealThrough(chain, jdbc, jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId));
    }
}
