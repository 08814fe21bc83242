package org.greffe.audit.application;

import java.util.List;

/** Every stored event of a case, as stored: what an auditor reads of one case. */
public interface CaseHistories {

    /** The case's events in order; empty when no such case was ever filed. */
    List<CaseHistory> of(String caseId);
}
