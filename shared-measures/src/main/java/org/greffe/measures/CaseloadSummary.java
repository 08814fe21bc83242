package org.greffe.measures;

/**
 * The stock figures of one tribunal on one day.
 *
 * @param tribunalId    the tribunal
 * @param pending       pending cases, suspended ones included
 * @param activePending pending cases not suspended
 * @param suspended     pending cases suspended
 * @param neverTried    pending cases never brought to trial
 */
public record CaseloadSummary(String tribunalId, int pending, int activePending, int suspended, int neverTried) {
}
