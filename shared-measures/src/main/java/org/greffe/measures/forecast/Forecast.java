package org.greffe.measures.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A tribunal's forecast: month by month, the pending caseload, the cases never brought to trial and the backlog (the
 * active pending cases beyond their time standard), each as a central value and an 80% range; when the backlog is
 * cleared; and what was assumed.
 *
 * @param asOf        the day the forecast starts from
 * @param months      one entry per future month, at its last day
 * @param clearance   when the backlog is first cleared
 * @param assumptions the pace and settings the forecast assumed
 * @param history     the basis months, as the chart shows them before the forecast
 */
public record Forecast(LocalDate asOf, List<Month> months, Clearance clearance, Assumptions assumptions,
                       List<ForecastInput.BasisMonth> history) {

    public Forecast {
        months = List.copyOf(months);
        history = List.copyOf(history);
    }

    /**
     * One future month.
     *
     * @param month      the month (figures at its last day)
     * @param pending    pending cases
     * @param neverTried pending cases never brought to trial
     * @param backlog    active pending cases beyond their time standard, or {@code null} when not forecast
     */
    public record Month(YearMonth month, Range pending, Range neverTried, Range backlog) {
    }

    /**
     * A forecast count: the median of the simulated paths, and the 10th and 90th percentiles, which hold the middle
     * 80% of them.
     */
    public record Range(int p10, int p50, int p90) {

        public Range {
            if (p10 > p50 || p50 > p90) {
                throw new IllegalArgumentException("a range runs from p10 through p50 to p90");
            }
        }
    }

    /** How the backlog fares over the horizon. */
    public enum Outcome {
        /** No active case is beyond its standard on {@code asOf}. */
        NO_BACKLOG,
        /** The median path clears the backlog within the horizon. */
        CLEARED,
        /** Cases go out, but the median path does not clear the backlog within the horizon. */
        NOT_WITHIN_HORIZON,
        /** No case went out in the basis period and no extra disposition is assumed: at that pace it never clears. */
        NEVER_AT_CURRENT_PACE,
        /** The ages of the pending cases are not published for this tribunal (too few cases): no backlog forecast. */
        NOT_FORECAST
    }

    /**
     * Months from {@code asOf} until the backlog first reaches zero: the optimistic (p10), median (p50) and
     * pessimistic (p90) paths, each {@code null} when it does not clear within the horizon; the month it happens; and
     * the outcome in one word and in one English sentence.
     */
    public record Clearance(Outcome outcome, Integer p10Months, Integer p50Months, Integer p90Months,
                            YearMonth p10, YearMonth p50, YearMonth p90, String summary) {
    }

    /**
     * What the forecast assumed.
     *
     * @param basisFrom            first month of the basis, or {@code null} without one
     * @param basisTo              last month of the basis, or {@code null} without one
     * @param basisMonths          how many months the basis holds
     * @param incomingPerMonth     mean cases in a basis month
     * @param incomingSpread       their standard deviation from month to month
     * @param outgoingPerMonth     mean cases out in a basis month
     * @param outgoingSpread       their standard deviation
     * @param scenarioIncoming     mean cases in a forecast month, with the filing change
     * @param scenarioOutgoing     mean cases out a forecast month can take, with the extra dispositions
     * @param trialRate            monthly chance that a case never tried is brought to trial
     * @param extraDispositions    the scenario's extra dispositions a month
     * @param filingChangePercent  the scenario's filing change
     * @param order                the scenario's disposal order
     * @param paths                simulated paths
     * @param seed                 the seed of the paths: the same inputs and seed give the same forecast
     */
    public record Assumptions(YearMonth basisFrom, YearMonth basisTo, int basisMonths, double incomingPerMonth,
                              double incomingSpread, double outgoingPerMonth, double outgoingSpread,
                              double scenarioIncoming, double scenarioOutgoing, double trialRate,
                              int extraDispositions, int filingChangePercent, DisposalOrder order, int paths,
                              long seed) {
    }
}
