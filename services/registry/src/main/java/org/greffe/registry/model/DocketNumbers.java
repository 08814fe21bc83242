package org.greffe.registry.model;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;

/**
 * Set-based check the aggregate cannot make alone: a docket number is unique within its tribunal. The claim joins
 * the transaction that appends the filing, so a rejected or failed filing never keeps the number.
 */
public interface DocketNumbers {

    /**
     * Claims the number for the case.
     *
     * @return false when another case of that tribunal already holds it
     */
    boolean claim(TribunalId tribunalId, String docketNumber, CaseId caseId);
}
