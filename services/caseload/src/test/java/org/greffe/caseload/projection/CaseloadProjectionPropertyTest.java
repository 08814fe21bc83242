package org.greffe.caseload.projection;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.TimeStandards;
import org.greffe.events.CaseEvent;
import org.greffe.events.CaseFiled;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random valid dockets delivered in random batches (some batches delivered twice, as after a crash before the
 * token was stored), the incrementally maintained records equal a fold of each case's history from scratch, and so
 * do the figures computed from them.
 */
class CaseloadProjectionPropertyTest {

    private final CaseloadCalculator calculator = new CaseloadCalculator(TimeStandards.uniform(365));

    @Property(tries = 300)
    void incrementalRecordsEqualARecomputationFromScratch(@ForAll @IntRange(min = 1, max = 12) int cases,
                                                          @ForAll @IntRange(min = 1, max = 25) int batchSize,
                                                          @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, List<CaseEvent>> histories = new HashMap<>();
        for (int i = 0; i < cases; i++) {
            histories.put("case-" + i, RandomDockets.history("case-" + i, random));
        }
        List<EventMessage<?>> log = interleave(histories, random);

        InMemoryCaseRecordStore store = new InMemoryCaseRecordStore();
        CaseloadProjection projection = new CaseloadProjection(store);
        for (int start = 0; start < log.size(); start += batchSize) {
            List<EventMessage<?>> batch = log.subList(start, Math.min(log.size(), start + batchSize));
            process(projection, batch);
            if (random.nextInt(4) == 0) {
                process(projection, batch); // redelivered: the token was not stored before a crash
            }
        }

        Map<String, CaseRecord> scratch = new HashMap<>();
        histories.forEach((id, events) -> scratch.put(id, fold(events)));
        assertThat(store.records).isEqualTo(scratch);
        assertThat(store.loads).as("one load per batch, not per event").isLessThanOrEqualTo(
                2 * ((log.size() + batchSize - 1) / batchSize));

        LocalDate from = LocalDate.of(2016, 1, 1);
        LocalDate to = LocalDate.of(2019, 6, 30);
        for (String tribunal : RandomDockets.TRIBUNALS) {
            assertThat(calculator.caseload(tribunal, store.atTribunal(tribunal), from, to))
                    .isEqualTo(calculator.caseload(tribunal, scratch.values(), from, to));
            assertThat(calculator.timeline(tribunal, store.atTribunal(tribunal), from, to))
                    .isEqualTo(calculator.timeline(tribunal, scratch.values(), from, to));
        }
    }

    private static void process(CaseloadProjection projection, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        var result = unitOfWork.executeWithResult(() -> {
            var message = (GenericDomainEventMessage<?>) unitOfWork.getMessage();
            projection.on((CaseEvent) message.getPayload(), message.getSequenceNumber());
            return null;
        });
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    /** Merges the histories into one log in a random order that keeps each case's own order. */
    private static List<EventMessage<?>> interleave(Map<String, List<CaseEvent>> histories, Random random) {
        List<EventMessage<?>> log = new ArrayList<>();
        Map<String, Integer> next = new HashMap<>();
        List<String> remaining = new ArrayList<>(histories.keySet());
        remaining.sort(null);
        while (!remaining.isEmpty()) {
            String caseId = remaining.get(random.nextInt(remaining.size()));
            int sequence = next.getOrDefault(caseId, 0);
            log.add(new GenericDomainEventMessage<>("Case", caseId, sequence, histories.get(caseId).get(sequence)));
            next.put(caseId, sequence + 1);
            if (sequence + 1 == histories.get(caseId).size()) {
                remaining.remove(caseId);
            }
        }
        return log;
    }

    private static CaseRecord fold(List<CaseEvent> events) {
        CaseRecord record = CaseRecord.filed((CaseFiled) events.get(0), 0);
        for (int sequence = 1; sequence < events.size(); sequence++) {
            record = record.apply(events.get(sequence), sequence);
        }
        return record;
    }
}
