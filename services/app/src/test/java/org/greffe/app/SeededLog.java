package org.greffe.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseEvent;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.DismissalReason;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;
import org.greffe.events.OffenceCategory;
import org.greffe.events.ReopeningReason;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A log of invented cases appended straight through Greffe's event store, thousands of events in seconds where the
 * API would take minutes, stored and authenticated exactly as Greffe stores what it appends. Every kind of event
 * occurs, each case's events in an order its rules allow, and the cases interleave as in a court's log (as the
 * bench's seeder does). The same number of cases gives the same events, but for their identifiers and times.
 */
final class SeededLog {

    /** Tribunals the cases are filed at; transfers go to {@code kati}. */
    static final List<String> TRIBUNALS = List.of("mopti", "gao", "segou", "kati");

    private static final int OPEN_CASES = 50;
    private static final int BATCH = 500;
    private static final LocalDate FIRST_FILING = LocalDate.of(2015, 1, 5);

    private SeededLog() {
    }

    /**
     * Appends the events of {@code cases} cases.
     *
     * @return the number of events appended
     */
    static long append(EventStore store, int cases) {
        Deque<Iterator<DomainEventMessage<?>>> open = new ArrayDeque<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        long appended = 0;
        int next = 0;
        while (next < cases || !open.isEmpty()) {
            while (open.size() < OPEN_CASES && next < cases) {
                open.add(messages(next++).iterator());
            }
            Iterator<DomainEventMessage<?>> events = open.poll();
            batch.add(events.next());
            if (events.hasNext()) {
                open.add(events);
            }
            if (batch.size() == BATCH) {
                store.publish(batch);
                appended += batch.size();
                batch = new ArrayList<>(BATCH);
            }
        }
        store.publish(batch);
        return appended + batch.size();
    }

    private static List<DomainEventMessage<?>> messages(int number) {
        String caseId = UUID.nameUUIDFromBytes(("seeded-case-" + number).getBytes(StandardCharsets.UTF_8))
                            .toString();
        MetaData metaData = MetaData.with("correlationId", caseId).and("source", "import").and("user", "seed");
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (CaseEvent event : events(number, new CaseId(caseId))) {
            messages.add(new GenericDomainEventMessage<>("Case", caseId, messages.size(), event, metaData));
        }
        return messages;
    }

    /** Filed, a preliminary hearing held, a trial setting adjourned, then one of six courses. */
    private static List<CaseEvent> events(int number, CaseId id) {
        LocalDate filed = FIRST_FILING.plusDays(number * 3L % 1_800);
        TribunalId tribunal = new TribunalId(TRIBUNALS.get(number % 3));
        OffenceCategory offence = OffenceCategory.values()[number % OffenceCategory.values().length];
        AccusedAffiliation accused = AccusedAffiliation.values()[number % AccusedAffiliation.values().length];
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseFiled(id, "SEED-" + filed.getYear() + "-" + number, tribunal, filed,
                number % 4 == 0 ? filed.minusDays(40) : null, offence,
                new Victims(1 + number % 2, number % 3 == 0 ? 1 : 0, number % 7 == 0 ? 1 : 0, 0), accused,
                accused == AccusedAffiliation.NON_STATE_ARMED_GROUP ? "CMA" : null));
        HearingId preliminary = hearing(id, 0);
        events.add(new HearingScheduled(id, preliminary, HearingKind.PRELIMINARY, filed.plusDays(30)));
        events.add(new HearingHeld(id, preliminary, filed.plusDays(30)));
        HearingId adjourned = hearing(id, 1);
        events.add(new HearingScheduled(id, adjourned, HearingKind.TRIAL, filed.plusDays(90)));
        events.add(new HearingAdjourned(id, adjourned, filed.plusDays(90), AdjournmentReason.WITNESS_ABSENT));
        switch (number % 6) {
            case 1 -> {
                HearingId trial = hearing(id, 2);
                events.add(new HearingScheduled(id, trial, HearingKind.TRIAL, filed.plusDays(150)));
                events.add(new HearingHeld(id, trial, filed.plusDays(150)));
                events.add(new JudgmentIssued(id, filed.plusDays(160), Verdict.CONVICTION));
            }
            case 2 -> {
                events.add(new CaseSuspended(id, filed.plusDays(100), SuspensionReason.ACCUSED_AT_LARGE));
                events.add(new CaseResumed(id, filed.plusDays(200)));
            }
            case 3 -> events.add(new CaseDismissed(id, filed.plusDays(120), DismissalReason.INSUFFICIENT_EVIDENCE));
            case 4 -> events.add(new CaseTransferred(id, filed.plusDays(120), tribunal, new TribunalId("kati")));
            case 5 -> {
                events.add(new CaseWithdrawn(id, filed.plusDays(120)));
                events.add(new CaseReopened(id, filed.plusDays(300), ReopeningReason.NEW_EVIDENCE));
            }
            default -> {
                // still pending
            }
        }
        return events;
    }

    private static HearingId hearing(CaseId id, int number) {
        return new HearingId(UUID.nameUUIDFromBytes((id.value() + "/" + number).getBytes(StandardCharsets.UTF_8))
                                 .toString());
    }
}
