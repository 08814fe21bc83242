package org.greffe.audit.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.greffe.events.CaseEvent;
import org.greffe.events.CaseFiled;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.EffectiveDates;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The caseload of a tribunal re-derived from the raw event log, bitemporally: as of an effective date (events dated
 * later in law are ignored) and as known at an instant (events recorded later are ignored). Folds the log with the
 * very code of the live projection ({@code shared-measures}) and never reads the projection's tables, so it can
 * check them.
 */
public class CaseloadReplay {

    private final EventStorageEngine events;
    private final CaseloadCalculator calculator;

    public CaseloadReplay(EventStorageEngine events, TimeStandards standards) {
        this.events = events;
        this.calculator = new CaseloadCalculator(standards);
    }

    /**
     * Replays the whole log.
     *
     * @param tribunalId the tribunal
     * @param from       first day of the flow period
     * @param asOf       the effective date: stocks on that day, flows up to it
     * @param knownAt    what had been recorded by this instant
     */
    public Replayed caseload(String tribunalId, LocalDate from, LocalDate asOf, Instant knownAt) {
        Map<String, CaseRecord> records = new HashMap<>();
        long position = 0;
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> log = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = log.iterator();
            while (messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                read++;
                position = message.trackingToken().position().orElse(position);
                if (message.getTimestamp().isAfter(knownAt)
                        || !(message.getPayload() instanceof CaseEvent event)
                        || EffectiveDates.of(event).isAfter(asOf)) {
                    continue;
                }
                long sequence = ((DomainEventMessage<?>) message).getSequenceNumber();
                String caseId = event.caseId().value();
                CaseRecord record = records.get(caseId);
                if (record == null && event instanceof CaseFiled filed) {
                    records.put(caseId, CaseRecord.filed(filed, sequence));
                } else if (record != null) {
                    records.put(caseId, record.apply(event, sequence));
                }
            }
        }
        List<CaseRecord> atTribunal = records.values().stream()
                                             .filter(record -> record.tribunals().contains(tribunalId)).toList();
        return new Replayed(calculator.caseload(tribunalId, atTribunal, from, asOf), position, read);
    }

    /**
     * A replayed caseload.
     *
     * @param caseload   the figures
     * @param position   global position of the last event read
     * @param eventsRead how many stored events the replay read
     */
    public record Replayed(TribunalCaseload caseload, long position, long eventsRead) {
    }
}
