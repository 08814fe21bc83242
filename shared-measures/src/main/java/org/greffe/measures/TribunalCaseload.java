package org.greffe.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The caseload of one tribunal: stocks as of {@code to}, flows over {@code [from, to]}. Every ratio is {@code null}
 * when its denominator is zero, never 0 or NaN.
 *
 * @param tribunalId     the tribunal
 * @param from           first day of the period
 * @param to             last day of the period, and the day the stocks are measured
 * @param pending        cases pending on {@code to}, suspended ones included
 * @param activePending  pending cases not suspended
 * @param suspended      pending cases suspended
 *                       (these two, the age figures and {@code pendingBy} are {@code null} when published figures
 *                       withhold the breakdowns of a tribunal with too few pending cases)
 * @param neverTried     pending cases (suspended included) never brought to trial (no held TRIAL hearing)
 * @param ageBands       active pending cases by age in days: 0-90, 91-180, 181-365, 366-730, >730
 * @param medianAgeDays  median age of the active pending cases
 * @param oldestFiledOn  earliest filing date among the active pending cases
 * @param oldestAgeDays  age of the oldest active pending case
 * @param beyondStandard share (%) of active pending cases older than the time standard of their offence
 * @param pendingBy      the pending cases by offence, by the accused's affiliation, and their victims by group
 * @param smallCells     whether the small cells of {@code pendingBy} were suppressed, and with which threshold: a
 *                       {@code null} count means suppressed only when they were
 * @param measures       the flow measures of the period
 * @param release        for a reader without exact figures, the monthly release the figures come from; {@code null}
 *                       for exact figures
 */
public record TribunalCaseload(String tribunalId, LocalDate from, LocalDate to, int pending, Integer activePending,
                               Integer suspended, int neverTried, Map<String, Integer> ageBands, Double medianAgeDays,
                               LocalDate oldestFiledOn, Long oldestAgeDays, Double beyondStandard,
                               PendingBreakdowns pendingBy, SmallCellControl smallCells, Measures measures,
                               Release release) {

    /**
     * The monthly release that published figures come from: they stand on the log as Greffe had read it when the
     * release was made, and never change afterwards.
     *
     * @param month    the last month the release covers ({@code YYYY-MM})
     * @param madeOn   the day it was made, in the courts' time zone
     * @param madeAt   when it was made, to the instant: an auditor re-derives its exact totals as the log was known
     *                 then; {@code null} for a reader without exact figures, to whom the instant would tell when the
     *                 registry was recording
     * @param position the log position the caseload projection had reached when it was made; {@code null} for a
     *                 reader without exact figures, to whom the difference of two positions would count every event
     *                 recorded in between
     */
    public record Release(String month, LocalDate madeOn, Instant madeAt, Long position) {

        /** What a reader without exact figures is told of the release. */
        public Release published() {
            return new Release(month, madeOn, null, null);
        }
    }

    /** The same figures, naming their release as given. */
    public TribunalCaseload withRelease(Release named) {
        return new TribunalCaseload(tribunalId, from, to, pending, activePending, suspended, neverTried, ageBands,
                medianAgeDays, oldestFiledOn, oldestAgeDays, beyondStandard, pendingBy, smallCells, measures, named);
    }

    /**
     * What was done to the small cells of the breakdowns.
     *
     * @param threshold the threshold {@code k} applied, or {@code null} when the figures are exact
     * @param applied   true when perturbed cells below {@code k} (zeros included) and their complements were
     *                  suppressed; false for exact figures, where no count is ever {@code null}
     */
    public record SmallCellControl(Integer threshold, boolean applied) {

        /** Exact figures: nothing suppressed. */
        public static final SmallCellControl EXACT = new SmallCellControl(null, false);

        public SmallCellControl {
            if (applied ? threshold == null || threshold < 1 : threshold != null) {
                throw new IllegalArgumentException("a threshold of at least 1 exactly when suppression was applied");
            }
        }
    }

    /**
     * Court-performance measures over the period.
     *
     * @param incoming            filed, transferred in and reopened in the period
     * @param outgoing            judged, dismissed, withdrawn and transferred out in the period
     * @param clearanceRate       outgoing / incoming × 100 (CourTools 2, CEPEJ)
     * @param dispositionTimeDays pending at the end / outgoing × days in the period (CEPEJ)
     * @param timeToDisposition   cases disposed in the period against the time standard (CourTools 3); {@code null}
     *                            in published figures, which do not split the cases that went out
     * @param trialDateCertainty  cases judged in the period by number of trial settings "1", "2", "3", "4+"
     *                            (CourTools 5), or {@code null} when no case was judged in the period, and always in
     *                            published figures
     */
    public record Measures(int incoming, int outgoing, Double clearanceRate, Double dispositionTimeDays,
                           TimeToDisposition timeToDisposition, Map<String, Integer> trialDateCertainty) {
    }

    /**
     * Cases disposed of in the period (judged, dismissed, withdrawn), by active time from the start of their
     * proceeding to disposal against the time standard of their offence; shares in %, cumulative.
     *
     * @param disposed              cases disposed of in the period
     * @param withinQuarterStandard share disposed within a quarter of the standard
     * @param withinHalfStandard    share disposed within half of the standard
     * @param withinStandard        share disposed within the standard
     * @param beyondStandard        share disposed after the standard
     */
    public record TimeToDisposition(int disposed, Double withinQuarterStandard, Double withinHalfStandard,
                                    Double withinStandard, Double beyondStandard) {
    }
}
