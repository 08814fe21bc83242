package org.greffe.caseload.application;

import org.greffe.measures.CaseRecord;

/** Earlier versions of case records, folded again from the event log. */
public interface CaseHistories {

    /**
     * The case's record as its first events made it, up to and including {@code lastSequence}.
     *
     * @return the record, or {@code null} when those events did not file the case
     */
    CaseRecord upTo(String caseId, long lastSequence);
}
