package org.greffe.audit.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.events.CaseEvent;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingId;
import org.greffe.events.HearingScheduled;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.EffectiveDates;
import org.greffe.measures.Stalls;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    public Replayed<TribunalCaseload> caseload(String tribunalId, LocalDate from, LocalDate asOf, Instant knownAt) {
        return replayed(tribunalId, asOf, knownAt, records -> calculator.caseload(tribunalId, records, from, asOf));
    }

    /**
     * The tribunal's stall figures replayed from the log: the same definitions ({@link Stalls#of}) as the live
     * caseload's, from records folded afresh, which always keep their hearing outcomes and suspension reasons.
     */
    public Replayed<Stalls> stalls(String tribunalId, LocalDate from, LocalDate asOf, Instant knownAt) {
        return replayed(tribunalId, asOf, knownAt, records -> Stalls.of(tribunalId, records, from, asOf));
    }

    private <T> Replayed<T> replayed(String tribunalId, LocalDate asOf, Instant knownAt,
                                     Function<List<CaseRecord>, T> figures) {
        List<CaseRecord> atTribunal = new ArrayList<>();
        CaseStreams.Snapshot snapshot = log.forEachCase(tribunalId, events -> {
            CaseRecord record = asKnown(events, asOf, knownAt);
            // A transfer known later, or effective after asOf, does not bring the case to the tribunal.
            if (record != null && record.tribunals().contains(tribunalId)) {
                atTribunal.add(record);
            }
        });
        return new Replayed<>(figures.apply(atTribunal), snapshot.head(), snapshot.eventsRead());
    }

    /**
     * One case's record folded from its events as of an effective date and as known at an instant: the events
     * recorded later, or dated later in law, are left out. {@code null} when nothing of the case was known then.
     *
     * <p>A hearing's scheduling is dated by the day it is set for, yet a hearing may be adjourned before that day:
     * the scheduling of a hearing whose adjournment is kept is kept too, so that the adjournment is counted with the
     * hearing's kind, as the live records, which hold every event, count it.
     */
    static CaseRecord asKnown(List<DomainEventMessage<?>> events, LocalDate asOf, Instant knownAt) {
        Set<HearingId> decided = new HashSet<>();
        for (DomainEventMessage<?> message : events) {
            if (kept(message, asOf, knownAt) && message.getPayload() instanceof HearingAdjourned adjourned) {
                decided.add(adjourned.hearingId());
            }
        }
        CaseRecord record = null;
        for (DomainEventMessage<?> message : events) {
            boolean scheduledAndDecided = !message.getTimestamp().isAfter(knownAt)
                    && message.getPayload() instanceof HearingScheduled scheduled
                    && decided.contains(scheduled.hearingId());
            if (!kept(message, asOf, knownAt) && !scheduledAndDecided) {
                continue;
            }
            record = CaseRecord.next(record, (CaseEvent) message.getPayload(), message.getSequenceNumber());
        }
        return record;
    }

    private static boolean kept(DomainEventMessage<?> message, LocalDate asOf, Instant knownAt) {
        return !message.getTimestamp().isAfter(knownAt) && message.getPayload() instanceof CaseEvent event
                && !EffectiveDates.of(event).isAfter(asOf);
    }

    /**
     * Replayed figures.
     *
     * @param figures    the figures
     * @param position   the newest global position of the log the replay read from
     * @param eventsRead how many stored events the replay read: the events of the tribunal's cases
     * @param <T>        what kind of figures
     */
    public record Replayed<T>(T figures, long position, long eventsRead) {
    }
}
