package org.greffe.measures;

/**
 * The stock figures of one tribunal on one day.
 *
 * @param tribunalId    the tribunal
 * @param pending       pending cases, suspended ones included
 * @param activePending pending cases not suspended; {@code null} when withheld from a reader without exact figures
 * @param suspended     pending cases suspended; {@code null} when withheld likewise
 * @param neverTried    pending cases never brought to trial
 */
public record CaseloadSummary(String tribunalId, int pending, Integer activePending, Integer suspended,
                              int neverTried) {
}
