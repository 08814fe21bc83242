package org.greffe.events;

/**
 * Something that happened to a case. Sealed so that every reader of the log can handle every kind of event,
 * and so that tests can walk all of them.
 */
public sealed interface CaseEvent
        permits CaseFiled, HearingScheduled, HearingAdjourned, HearingHeld, JudgmentIssued, CaseDismissed,
        CaseWithdrawn, CaseTransferred, CaseSuspended, CaseResumed, CaseReopened {

    /** The case this event happened to. */
    CaseId caseId();
}
