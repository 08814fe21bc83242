package org.greffe.audit.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.events.CaseEvent;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.EffectiveDates;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The caseload of a tribunal re-derived from the raw event log, bitemporally: as of an effective date (events dated
 * later in law are ignored) and as known at an instant (events recorded later are ignored). Folds the log with the
 * very code of the live projection ({@code shared-measures}) and never reads the projection's tables, so it can
 * check them. Only the cases that were ever at the tribunal are read, case by case, from one snapshot of the log.
 */
public class CaseloadReplay {

    private final CaseStreams log;
    private final CaseloadCalculator calculator;

    public CaseloadReplay(CaseStreams log, TimeStandards standards) {
        this.log = log;
        this.calculator = new CaseloadCalculator(standards);
    }

    /**
     * Replays the log of the tribunal's cases.
     *
     * @param tribunalId the tribunal
     * @param from       first day of the flow period
     * @param asOf       the effective date: stocks on that day, flows up to it
     * @param knownAt    what had been recorded by this instant
     */
    public Replayed caseload(String tribunalId, LocalDate from, LocalDate asOf, Instant knownAt) {
        List<CaseRecord> atTribunal = new ArrayList<>();
        CaseStreams.Snapshot snapshot = log.forEachCase(tribunalId, events -> {
            CaseRecord record = asKnown(events, asOf, knownAt);
            // A transfer known later, or effective after asOf, does not bring the case to the tribunal.
            if (record != null && record.tribunals().contains(tribunalId)) {
                atTribunal.add(record);
            }
        });
        return new Replayed(calculator.caseload(tribunalId, atTribunal, from, asOf), snapshot.head(),
                snapshot.eventsRead());
    }

    /**
     * One case's record folded from its events as of an effective date and as known at an instant: the events
     * recorded later, or dated later in law, are left out. {@code null} when nothing of the case was known then.
     */
    static CaseRecord asKnown(List<DomainEventMessage<?>> events, LocalDate asOf, Instant knownAt) {
        CaseRecord record = null;
        for (DomainEventMessage<?> message : events) {
            if (message.getTimestamp().isAfter(knownAt)
                    || !(message.getPayload() instanceof CaseEvent event)
                    || EffectiveDates.of(event).isAfter(asOf)) {
                continue;
            }
            record = CaseRecord.next(record, event, message.getSequenceNumber());
        }
        return record;
    }

    /**
     * A replayed caseload.
     *
     * @param caseload   the figures
     * @param position   the newest global position of the log the replay read from
     * @param eventsRead how many stored events the replay read: the events of the tribunal's cases
     */
    public record Replayed(TribunalCaseload caseload, long position, long eventsRead) {
    }
}
