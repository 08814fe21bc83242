package org.greffe.registry.model;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A case before a tribunal, from filing to disposal (and reopening). Command handlers check every rule and then
 * apply an event; event-sourcing handlers only assign state. Each handler returns the case's new version, which
 * clients may send back ({@code If-Match}) to act only on the state they saw.
 */
@Aggregate(snapshotTriggerDefinition = "", commandTargetResolver = CaseAggregate.TARGET_BEAN)
class Case {

    @AggregateIdentifier
    private CaseId caseId;
    /** Assigned by the event-sourcing handlers below only, as {@link CaseFile} folds it for clerks. */
    private final CaseState state = new CaseState();

    Case() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(FileCase command, ReferenceData referenceData, DocketNumbers docketNumbers, Clock clock) {
        if (caseId != null) {
            throw new CaseRuleViolation(Rule.CASE_ALREADY_FILED, "case " + command.caseId() + " exists",
                    Wording.of("case.exists", command.caseId()));
        }
        Filing.check(command, referenceData, docketNumbers, LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseFiled(command.caseId(), command.docketNumber(), command.tribunalId(),
                command.filedOn(), command.incidentOn(), command.offence(), command.victims(), command.accused(),
                command.accusedGroup()));
        return version();
    }

    @CommandHandler
    long handle(ScheduleHearing command, Clock clock) {
        state.status().requireProceeding(caseId);
        state.hearings().requireNew(command.hearingId());
        state.chronology().requireNotBeforeLatest("hearing", command.date());
        state.chronology().requireWithinPlanningHorizon(command.date(), LocalDate.now(clock));
        AggregateLifecycle.apply(new HearingScheduled(caseId, command.hearingId(), command.kind(), command.date()));
        return version();
    }

    @CommandHandler
    long handle(AdjournHearing command, Clock clock) {
        state.status().requireNotDisposed(caseId);
        state.hearings().requireOpen(caseId, command.hearingId());
        state.chronology().requireHappened("adjournment", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new HearingAdjourned(caseId, command.hearingId(), command.on(), command.reason()));
        return version();
    }

    @CommandHandler
    long handle(HoldHearing command, Clock clock) {
        state.status().requireProceeding(caseId);
        Hearings.Hearing hearing = state.hearings().requireOpen(caseId, command.hearingId());
        state.chronology().requireHappened("hearing", command.on(), LocalDate.now(clock));
        if (command.on().isBefore(hearing.date())) {
            throw new CaseRuleViolation(Rule.HEARING_HELD_BEFORE_ITS_DATE,
                    "hearing " + command.hearingId() + " is set for " + hearing.date() + ", not " + command.on(),
                    Wording.of("hearing.held-before-date", command.hearingId(), hearing.date(), command.on()));
        }
        AggregateLifecycle.apply(new HearingHeld(caseId, command.hearingId(), command.on()));
        return version();
    }

    @CommandHandler
    long handle(IssueJudgment command, Clock clock) {
        state.status().requireProceeding(caseId);
        if (!state.trialHeld()) {
            throw new CaseRuleViolation(Rule.JUDGMENT_WITHOUT_TRIAL,
                    "case " + caseId + " has no held TRIAL hearing at " + state.tribunalId(),
                    Wording.of("judgment.without-trial", caseId, state.tribunalId()));
        }
        state.chronology().requireHappened("judgment", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new JudgmentIssued(caseId, command.on(), command.verdict()));
        return version();
    }

    @CommandHandler
    long handle(DismissCase command, Clock clock) {
        state.status().requireNotDisposed(caseId);
        state.chronology().requireHappened("dismissal", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseDismissed(caseId, command.on(), command.reason()));
        return version();
    }

    @CommandHandler
    long handle(WithdrawCase command, Clock clock) {
        state.status().requireNotDisposed(caseId);
        state.chronology().requireHappened("withdrawal", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseWithdrawn(caseId, command.on()));
        return version();
    }

    @CommandHandler
    long handle(TransferCase command, ReferenceData referenceData, Clock clock) {
        state.status().requireProceeding(caseId);
        if (!referenceData.isKnownTribunal(command.toTribunalId())) {
            throw new UnknownReferenceData("toTribunalId", "unknown tribunal '" + command.toTribunalId() + "'",
                    Wording.of("reference.unknown-tribunal", command.toTribunalId()));
        }
        if (command.toTribunalId().equals(state.tribunalId())) {
            throw new CaseRuleViolation(Rule.TRANSFER_TO_SAME_TRIBUNAL, "case " + caseId + " is already at "
                    + state.tribunalId(), Wording.of("transfer.same-tribunal", caseId, state.tribunalId()));
        }
        state.chronology().requireHappened("transfer", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseTransferred(caseId, command.on(), state.tribunalId(),
                command.toTribunalId()));
        return version();
    }

    @CommandHandler
    long handle(SuspendCase command, Clock clock) {
        state.status().requireSuspendable(caseId);
        state.chronology().requireHappened("suspension", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseSuspended(caseId, command.on(), command.reason()));
        return version();
    }

    @CommandHandler
    long handle(ResumeCase command, Clock clock) {
        state.status().requireResumable(caseId);
        state.chronology().requireHappened("resumption", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseResumed(caseId, command.on()));
        return version();
    }

    @CommandHandler
    long handle(ReopenCase command, Clock clock) {
        state.status().requireReopenable(caseId);
        state.chronology().requireHappened("reopening", command.on(), LocalDate.now(clock));
        AggregateLifecycle.apply(new CaseReopened(caseId, command.on(), command.reason()));
        return version();
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CaseFiled event) {
        caseId = event.caseId();
        state.on(event);
    }

    @EventSourcingHandler
    void on(HearingScheduled event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(HearingAdjourned event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(HearingHeld event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(JudgmentIssued event) {
        state.disposedOn(event.on());
    }

    @EventSourcingHandler
    void on(CaseDismissed event) {
        state.disposedOn(event.on());
    }

    @EventSourcingHandler
    void on(CaseWithdrawn event) {
        state.disposedOn(event.on());
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(CaseSuspended event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(CaseResumed event) {
        state.on(event);
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        state.on(event);
    }
}
