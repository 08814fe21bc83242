package org.greffe.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseTransferred;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tribunal index of the raw log ({@code greffe_event_tribunal}, event store migration V2) agrees with the events
 * as Greffe reads them, and the auditors' replay of a tribunal reads exactly the events of the cases that were ever
 * there.
 */
class TribunalIndexIntegrationTest extends DemoDocketIntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Autowired
    private org.axonframework.config.Configuration axon;

    private record Stored(GenericDomainEventEntry<byte[]> entry, String indexed) {
    }

    @Test
    void theIndexNamesTheTribunalOfEveryFilingAndEveryTransferDestination() {
        awaitProjection();
        List<Stored> log = jdbc.query("""
                SELECT aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,
                       payload_revision, payload, meta_data, greffe_event_tribunal(payload_type, payload) AS indexed
                FROM domain_event_entry ORDER BY global_index""", (rs, row) -> new Stored(new GenericDomainEventEntry<>(
                rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data")),
                rs.getString("indexed")));
        int filings = 0;
        int transfers = 0;
        for (Stored stored : log) {
            Object event = read(stored.entry()).getPayload();
            String expected = null;
            if (event instanceof CaseFiled filed) {
                expected = filed.tribunalId().value();
                filings++;
            } else if (event instanceof CaseTransferred transferred) {
                expected = transferred.toTribunalId().value();
                transfers++;
            }
            assertThat(stored.indexed()).as(stored.entry().getPayload().getType().getName() + " of "
                    + stored.entry().getAggregateIdentifier()).isEqualTo(expected);
        }
        assertThat(filings).as("the demo docket has filings").isPositive();
        assertThat(transfers).as("the demo docket has transfers").isPositive();
    }

    @Test
    void aFilingStoredAsRevisionOneIsIndexedAtTheTribunalItsUpcastFormNames() throws IOException {
        byte[] v1;
        try (InputStream golden = getClass().getResourceAsStream("/golden/CaseFiled.v1.json")) {
            assertThat(golden).as("the golden revision-1 filing of shared-events").isNotNull();
            v1 = golden.readAllBytes();
        }
        String indexed = jdbc.queryForObject("SELECT greffe_event_tribunal('org.greffe.events.CaseFiled', ?)",
                String.class, (Object) v1);
        CaseFiled filed = (CaseFiled) read(new GenericDomainEventEntry<>("Case",
                "3f1c2a9e-5b7d-4e0a-9c61-2d8f4b7a1e05", 0, "golden-v1", "2019-03-14T10:00:00Z",
                CaseFiled.class.getName(), "1", v1, "{}".getBytes())).getPayload();
        assertThat(indexed).isEqualTo(filed.tribunalId().value()).isEqualTo("bamako-commune-iii");
    }

    @Test
    void theReplayOfATribunalReadsTheEventsOfTheCasesThatWereEverThereAndNoOthers() {
        awaitProjection();
        for (String tribunal : List.of("bamako-commune-iii", "mopti", "pole-judiciaire-specialise")) {
            // Found here with jsonb on the stored bytes, not through the index the replay uses.
            long expected = jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (
                        SELECT aggregate_identifier FROM domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'tribunalId' = ?
                              AND payload_type = 'org.greffe.events.CaseFiled'
                           OR convert_from(payload, 'UTF8')::jsonb ->> 'toTribunalId' = ?
                              AND payload_type = 'org.greffe.events.CaseTransferred')""",
                    Long.class, tribunal, tribunal);
            long read = get("/api/audit/caseload/" + tribunal + "?asOf=2020-06-03").json().get("eventsRead").asLong();
            assertThat(read).as(tribunal).isEqualTo(expected);
        }
        assertThat(get("/api/audit/caseload/bamako-commune-iii").json().get("eventsRead").asLong())
                .as("not the whole log").isLessThan(eventCount());
    }

    private DomainEventMessage<?> read(GenericDomainEventEntry<byte[]> entry) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, axon.upcasterChain())
                               .next();
    }
}
