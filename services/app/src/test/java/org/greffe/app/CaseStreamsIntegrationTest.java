package org.greffe.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.audit.application.CaseStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The log read case by case, on the demo docket: every event once, each case whole and in order. */
class CaseStreamsIntegrationTest extends DemoDocketIntegrationTest {

    @Autowired
    private CaseStreams streams;

    @Test
    void everyEventIsReadOnceWithItsCaseWholeAndInSequence() {
        awaitProjection();
        Set<String> cases = new HashSet<>();
        AtomicLong events = new AtomicLong();
        CaseStreams.Snapshot snapshot = streams.forEachCase(null, messages -> {
            String caseId = messages.get(0).getAggregateIdentifier();
            assertThat(cases.add(caseId)).as("case " + caseId + " comes once").isTrue();
            for (int i = 0; i < messages.size(); i++) {
                DomainEventMessage<?> message = messages.get(i);
                assertThat(message.getAggregateIdentifier()).isEqualTo(caseId);
                assertThat(message.getSequenceNumber()).isEqualTo(i);
            }
            events.addAndGet(messages.size());
        });
        assertThat(events.get()).isEqualTo(eventCount()).isEqualTo(snapshot.eventsRead());
        assertThat(cases).hasSize(jdbc.queryForObject(
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Integer.class));
        assertThat(snapshot.head()).isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry",
                Long.class));
    }

    @Test
    void aFailingConsumerStopsTheReadAndTheNextReadIsWhole() {
        awaitProjection();
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> streams.forEachCase(null, messages -> {
            if (seen.incrementAndGet() == 3) {
                throw new IllegalStateException("consumer gave up");
            }
        })).hasMessage("consumer gave up");
        assertThat(seen.get()).isEqualTo(3);
        AtomicLong events = new AtomicLong();
        streams.forEachCase(null, messages -> events.addAndGet(messages.size()));
        assertThat(events.get()).isEqualTo(eventCount());
    }
}
