package org.greffe.registry.model;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;

import java.util.Locale;
import java.util.Optional;

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

    /**
     * The case that holds the number at the tribunal where it was filed, however it was filed (API or import).
     *
     * @return empty when no case of that tribunal holds it
     */
    Optional<CaseId> find(TribunalId tribunalId, String docketNumber);

    /** "rg-2019/42" and " RG-2019/42" are the same docket number: this is the form they are compared in. */
    static String normalized(String docketNumber) {
        return docketNumber.strip().toUpperCase(Locale.ROOT);
    }
}
