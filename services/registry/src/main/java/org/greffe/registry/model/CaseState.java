package org.greffe.registry.model;

import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;
import org.greffe.events.TribunalId;

import java.time.LocalDate;

/**
 * What a case's events leave behind that the registry's rules read: where it is, its status, its dates, whether a
 * trial was held there, its hearings. The one place these transitions are written: the {@link Case} aggregate decides
 * commands on it, and {@link CaseFile} shows clerks and auditors the same state with the commands it lets through, so
 * the desk cannot offer what the aggregate would refuse. Only assigns state; every check is the aggregate's.
 */
final class CaseState {

    private TribunalId tribunalId;
    private CaseStatus status;
    private Chronology chronology;
    private boolean trialHeld;
    private final Hearings hearings = new Hearings();

    /** Folds one of a case's events, the first of them its filing. */
    void apply(Object event) {
        if (event instanceof CaseFiled filed) {
            on(filed);
        } else if (event instanceof HearingScheduled scheduled) {
            on(scheduled);
        } else if (event instanceof HearingAdjourned adjourned) {
            on(adjourned);
        } else if (event instanceof HearingHeld held) {
            on(held);
        } else if (event instanceof JudgmentIssued judgment) {
            disposedOn(judgment.on());
        } else if (event instanceof CaseDismissed dismissal) {
            disposedOn(dismissal.on());
        } else if (event instanceof CaseWithdrawn withdrawal) {
            disposedOn(withdrawal.on());
        } else if (event instanceof CaseTransferred transfer) {
            on(transfer);
        } else if (event instanceof CaseSuspended suspended) {
            on(suspended);
        } else if (event instanceof CaseResumed resumed) {
            on(resumed);
        } else if (event instanceof CaseReopened reopened) {
            on(reopened);
        } else {
            throw new IllegalArgumentException("not an event of a case: " + event.getClass().getName());
        }
    }

    void on(CaseFiled event) {
        tribunalId = event.tribunalId();
        status = CaseStatus.ACTIVE;
        chronology = Chronology.filedOn(event.filedOn());
    }

    void on(HearingScheduled event) {
        hearings.scheduled(event.hearingId(), event.kind(), event.date());
    }

    void on(HearingAdjourned event) {
        hearings.moved(event.hearingId(), Hearings.State.ADJOURNED);
        chronology = chronology.advancedTo(event.on());
    }

    void on(HearingHeld event) {
        trialHeld |= hearings.kindOf(event.hearingId()) == HearingKind.TRIAL;
        hearings.moved(event.hearingId(), Hearings.State.HELD);
        chronology = chronology.advancedTo(event.on());
    }

    /** A judgment, a dismissal or a withdrawal: hearings still scheduled will not take place. */
    void disposedOn(LocalDate on) {
        status = CaseStatus.DISPOSED;
        hearings.vacateOpen();
        chronology = chronology.advancedTo(on);
    }

    /** A trial held at the tribunal the case leaves does not let the receiving one judge it. */
    void on(CaseTransferred event) {
        tribunalId = event.toTribunalId();
        trialHeld = false;
        hearings.vacateOpen();
        chronology = chronology.advancedTo(event.on());
    }

    void on(CaseSuspended event) {
        status = CaseStatus.SUSPENDED;
        chronology = chronology.advancedTo(event.on());
    }

    void on(CaseResumed event) {
        status = CaseStatus.ACTIVE;
        chronology = chronology.advancedTo(event.on());
    }

    /** A reopened case needs a new trial before a new judgment. */
    void on(CaseReopened event) {
        status = CaseStatus.ACTIVE;
        trialHeld = false;
        chronology = chronology.advancedTo(event.on());
    }

    TribunalId tribunalId() {
        return tribunalId;
    }

    CaseStatus status() {
        return status;
    }

    Chronology chronology() {
        return chronology;
    }

    boolean trialHeld() {
        return trialHeld;
    }

    Hearings hearings() {
        return hearings;
    }
}
