package org.greffe.registry.model;

import org.greffe.events.CaseId;

/** Where a case stands, and which commands each standing allows. */
enum CaseStatus {
    ACTIVE,
    SUSPENDED,
    DISPOSED;

    /** Hearings, judgment and transfer are allowed: pending and not suspended. */
    boolean proceeding() {
        return this == ACTIVE;
    }

    void requireNotDisposed(CaseId caseId) {
        if (this == DISPOSED) {
            throw new CaseRuleViolation(Rule.CASE_DISPOSED, "case " + caseId + " is disposed",
                    Wording.of("case.disposed", caseId));
        }
    }

    /** Hearings, judgment and transfer need a case that is pending and not suspended. */
    void requireProceeding(CaseId caseId) {
        requireNotDisposed(caseId);
        if (!proceeding()) {
            throw new CaseRuleViolation(Rule.CASE_SUSPENDED, "case " + caseId + " is suspended",
                    Wording.of("case.suspended", caseId));
        }
    }

    void requireSuspendable(CaseId caseId) {
        requireNotDisposed(caseId);
        if (this != ACTIVE) {
            throw new CaseRuleViolation(Rule.CASE_NOT_ACTIVE, "case " + caseId + " is already suspended",
                    Wording.of("case.already-suspended", caseId));
        }
    }

    void requireResumable(CaseId caseId) {
        requireNotDisposed(caseId);
        if (this != SUSPENDED) {
            throw new CaseRuleViolation(Rule.CASE_NOT_SUSPENDED, "case " + caseId + " is not suspended",
                    Wording.of("case.not-suspended", caseId));
        }
    }

    void requireReopenable(CaseId caseId) {
        if (this != DISPOSED) {
            throw new CaseRuleViolation(Rule.CASE_NOT_DISPOSED, "case " + caseId + " is pending",
                    Wording.of("case.pending", caseId));
        }
    }
}
