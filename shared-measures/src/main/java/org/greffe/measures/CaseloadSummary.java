package org.greffe.measures;

/**
 * The stock figures of one tribunal on one day.
 *
 * @param tribunalId    the tribunal
 * @param pending       pending cases, suspended ones included
 * @param activePending pending cases not suspended; {@code null} when withheld from a reader without exact figures
 * @param suspended     pending cases suspended; {@code null} when withheld likewise
 * @param neverTried    pending cases never brought to trial
 * @param inactive      active pending cases with no procedural step for more than
 *                      {@link Stalls#OVERVIEW_INACTIVITY_DAYS} days; {@code null} when withheld (a hidden cell of the
 *                      release, or records that await a rebuild under the stall figures' definitions)
 */
public record CaseloadSummary(String tribunalId, int pending, Integer activePending, Integer suspended,
                              int neverTried, Integer inactive) {

    /** The same without the inactive cases: the records do not keep what they need yet. */
    public CaseloadSummary withoutInactive() {
        return new CaseloadSummary(tribunalId, pending, activePending, suspended, neverTried, null);
    }
}
