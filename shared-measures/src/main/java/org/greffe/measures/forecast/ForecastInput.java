package org.greffe.measures.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a forecast starts and what drives it: the tribunal's pending cases on {@code asOf}, its past months (the
 * basis), how often a pending case was brought to trial for the first time, and the time standards of the cases that
 * came in.
 *
 * @param asOf              the day the forecast starts from
 * @param pending           the cases pending on that day (real ones, or stand-ins built from published cells)
 * @param basis             the whole months before {@code asOf} whose pace drives the forecast, oldest first; may be
 *                          empty (a tribunal with no history)
 * @param trialRate         the chance that a pending case never brought to trial is brought to trial in a month, 0 to 1
 * @param incomingStandards the time standards (days) of the cases that came in, and how many had each; empty when
 *                          none came in, in which case {@code defaultStandardDays} is used
 * @param defaultStandardDays the time standard of a new case when the basis shows none
 * @param backlogKnown      false when the pending cases' ages are not known (a release too small to be broken down):
 *                          the backlog is then not forecast
 */
public record ForecastInput(LocalDate asOf, List<PendingCase> pending, List<BasisMonth> basis, double trialRate,
                            Map<Integer, Integer> incomingStandards, int defaultStandardDays, boolean backlogKnown) {

    public ForecastInput {
        Objects.requireNonNull(asOf, "asOf");
        pending = List.copyOf(pending);
        basis = List.copyOf(basis);
        if (!(trialRate >= 0 && trialRate <= 1)) {
            throw new IllegalArgumentException("the trial rate must be between 0 and 1 (got " + trialRate + ")");
        }
        incomingStandards = new TreeMap<>(incomingStandards);
        if (defaultStandardDays < 1) {
            throw new IllegalArgumentException("the default time standard must be at least one day");
        }
    }

    /**
     * One pending case as the model sees it.
     *
     * @param arrivedOn     the day it came to the tribunal (its place in a first-in-first-out order)
     * @param ageDays       its active age on {@code asOf}: days since its proceeding began, less days suspended
     * @param standardDays  its offence's time standard
     * @param neverTried    not brought to trial by {@code asOf}
     * @param suspended     suspended on {@code asOf}: it neither ages nor is disposed of in the forecast, and is not
     *                      part of the backlog (the active cases beyond their standard)
     */
    public record PendingCase(LocalDate arrivedOn, long ageDays, int standardDays, boolean neverTried,
                              boolean suspended) {
    }

    /**
     * One month of the basis: its flows, which drive the forecast, and its stocks at the end, which the chart shows.
     *
     * @param month      the month
     * @param incoming   cases that came in
     * @param outgoing   cases that went out, all ways together
     * @param pending    pending on its last day
     * @param neverTried of those, never brought to trial
     * @param backlog    active pending cases beyond their time standard on its last day, or {@code null} when not known
     */
    public record BasisMonth(YearMonth month, int incoming, int outgoing, int pending, int neverTried,
                             Integer backlog) {
    }
}
