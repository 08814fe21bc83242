package org.greffe.registry.model;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.JudgmentIssued;
import org.greffe.events.OffenceCategory;
import org.greffe.events.Victims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case as a clerk or an auditor reads it, folded from its stored events with the aggregate's own state rules
 * ({@link CaseStatus}, {@link Hearings}, {@link Chronology}), with the commands those rules let through next: what
 * the registry desk offers. What a command also checks against its input (dates, the tribunal of a transfer) is
 * left to the command; {@code latestOn} is the date before which none is accepted.
 */
public final class CaseFile {

    private final CaseState state = new CaseState();
    private CaseFiled filing;
    private Outcome disposal;
    private Outcome suspension;
    private final Map<HearingId, Outcome> hearingOutcomes = new HashMap<>();

    private CaseFile() {
    }

    /**
     * The case the events tell of, oldest first, the first of them its filing.
     *
     * @param events  the case's event payloads in order
     * @param version the sequence number of the last of them: the case's version, which {@code If-Match} names
     */
    public static View of(List<?> events, long version) {
        if (events.isEmpty() || !(events.get(0) instanceof CaseFiled)) {
            throw new IllegalArgumentException("a case's history starts with its filing");
        }
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        return file.view(version);
    }

    /** The aggregate's state, then what only the view shows: the filing's facts and each outcome's date and reason. */
    private void apply(Object event) {
        state.apply(event);
        if (event instanceof CaseFiled filed) {
            filing = filed;
        } else if (event instanceof HearingAdjourned adjourned) {
            hearingOutcomes.put(adjourned.hearingId(), new Outcome(adjourned.on(), adjourned.reason().name()));
        } else if (event instanceof HearingHeld held) {
            hearingOutcomes.put(held.hearingId(), new Outcome(held.on(), null));
        } else if (event instanceof JudgmentIssued judgment) {
            disposed(new Outcome(judgment.on(), "JUDGMENT", judgment.verdict().name()));
        } else if (event instanceof CaseDismissed dismissal) {
            disposed(new Outcome(dismissal.on(), "DISMISSAL", dismissal.reason().name()));
        } else if (event instanceof CaseWithdrawn withdrawal) {
            disposed(new Outcome(withdrawal.on(), "WITHDRAWAL", null));
        } else if (event instanceof CaseSuspended suspended) {
            suspension = new Outcome(suspended.on(), suspended.reason().name());
        } else if (event instanceof CaseResumed) {
            suspension = null;
        } else if (event instanceof CaseReopened) {
            disposal = null;
        }
    }

    private void disposed(Outcome outcome) {
        disposal = outcome;
        suspension = null;
    }

    private View view(long version) {
        CaseStatus status = state.status();
        List<HearingView> hearingViews = new ArrayList<>();
        state.hearings().all().forEach((id, hearing) -> {
            Outcome outcome = hearingOutcomes.get(id);
            List<String> next = new ArrayList<>();
            if (hearing.state() == Hearings.State.SCHEDULED) {
                if (status.proceeding()) {
                    next.add(Action.HELD);
                }
                if (status != CaseStatus.DISPOSED) {
                    next.add(Action.ADJOURNMENT);
                }
            }
            hearingViews.add(new HearingView(id.value(), hearing.kind(), hearing.date(), hearing.state().name(),
                    outcome == null ? null : outcome.on(), outcome == null ? null : outcome.reason(),
                    List.copyOf(next)));
        });
        List<String> next = new ArrayList<>();
        if (status.proceeding()) {
            next.add(Action.HEARING);
            if (state.trialHeld()) {
                next.add(Action.JUDGMENT);
            }
        }
        if (status != CaseStatus.DISPOSED) {
            next.add(Action.DISMISSAL);
            next.add(Action.WITHDRAWAL);
        }
        if (status.proceeding()) {
            next.add(Action.TRANSFER);
            next.add(Action.SUSPENSION);
        }
        if (status == CaseStatus.SUSPENDED) {
            next.add(Action.RESUMPTION);
        }
        if (status == CaseStatus.DISPOSED) {
            next.add(Action.REOPENING);
        }
        return new View(filing.caseId().value(), filing.docketNumber(), state.tribunalId().value(),
                filing.tribunalId().value(), filing.filedOn(), filing.incidentOn(), filing.offence(), filing.victims(),
                filing.accused(), filing.accusedGroup(), status.name(), state.trialHeld(), state.chronology().latest(),
                disposal, suspension, List.copyOf(hearingViews), List.copyOf(next), version);
    }

    /** The names of what a clerk may record next, as the paths of the registry's commands end. */
    public static final class Action {
        public static final String HEARING = "hearings";
        public static final String HELD = "held";
        public static final String ADJOURNMENT = "adjournment";
        public static final String JUDGMENT = "judgment";
        public static final String DISMISSAL = "dismissal";
        public static final String WITHDRAWAL = "withdrawal";
        public static final String TRANSFER = "transfer";
        public static final String SUSPENSION = "suspension";
        public static final String RESUMPTION = "resumption";
        public static final String REOPENING = "reopening";

        private Action() {
        }
    }

    /**
     * A case's current state.
     *
     * @param caseId       the case
     * @param docketNumber its number at the tribunal it was filed at
     * @param tribunalId   the tribunal it is at now (after any transfer)
     * @param filedAt      the tribunal it was filed at, which the docket number belongs to
     * @param filedOn      legal filing date
     * @param incidentOn   incident date, when known
     * @param offence      offence category
     * @param victims      victims, as counts only
     * @param accused      the accused's affiliation
     * @param accusedGroup the armed group's code, when known
     * @param status       {@code ACTIVE}, {@code SUSPENDED} or {@code DISPOSED}
     * @param trialHeld    a trial hearing was held at the present tribunal since the last reopening: a judgment may
     *                     be recorded
     * @param latestOn     the effective date of the latest thing that happened: no later command may be dated before
     * @param disposal     how the case was disposed of ({@code kind} JUDGMENT, DISMISSAL or WITHDRAWAL, with the
     *                     verdict or reason), while it is
     * @param suspension   when and why it was suspended, while it is
     * @param hearings     its hearings in the order they were scheduled
     * @param actions      what may be recorded next on the case
     * @param version      the case's version, for {@code If-Match}
     */
    public record View(String caseId, String docketNumber, String tribunalId, String filedAt, LocalDate filedOn,
                       LocalDate incidentOn, OffenceCategory offence, Victims victims, AccusedAffiliation accused,
                       String accusedGroup, String status, boolean trialHeld, LocalDate latestOn, Outcome disposal,
                       Outcome suspension, List<HearingView> hearings, List<String> actions, long version) {
    }

    /**
     * One hearing.
     *
     * @param hearingId the hearing
     * @param kind      its kind
     * @param date      the date it was set for
     * @param state     {@code SCHEDULED}, {@code ADJOURNED}, {@code HELD} or {@code VACATED} (the case left the
     *                  tribunal or was disposed of before it took place)
     * @param on        when it was held or adjourned
     * @param reason    why it was adjourned
     * @param actions   what may be recorded on it next
     */
    public record HearingView(String hearingId, HearingKind kind, LocalDate date, String state, LocalDate on,
                              String reason, List<String> actions) {
    }

    /**
     * Something that happened to the case, with its date.
     *
     * @param on     its effective date
     * @param kind   what it was, where several kinds share a place (a disposal); otherwise {@code null}
     * @param reason the reason or verdict recorded with it, when any
     */
    public record Outcome(LocalDate on, String kind, String reason) {

        Outcome(LocalDate on, String reason) {
            this(on, null, reason);
        }
    }
}
