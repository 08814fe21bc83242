package org.greffe.measures;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader without exact figures may know of one tribunal's month: the exact tribunal totals, every other count
 * perturbed by its cell key, and the breakdowns of the pending cases with their small cells suppressed (a
 * {@code null} count). Built by {@link Publication}; stored as it is in a release, so it never changes once
 * published.
 *
 * @param month          the month
 * @param pending        pending cases on its last day, exact
 * @param neverTried     pending cases never brought to trial, exact
 * @param activePending  the sum of {@code ageBands}
 * @param suspended      pending cases suspended, perturbed
 * @param ageBands       active pending cases by age band, perturbed
 * @param beyondStandard active pending cases older than their time standard, perturbed
 * @param medianAgeDays  median age of the active pending cases to the nearest 30 days, or {@code null} when fewer
 *                       than twice the small-cell threshold are active
 * @param offence        pending cases by offence, perturbed, a {@code null} count when suppressed
 * @param accused        pending cases by accused affiliation, perturbed, a {@code null} count when suppressed
 * @param victimGroup    victims of the pending cases by group, perturbed, a {@code null} count when suppressed
 * @param victims        all victims of the pending cases, perturbed
 *                       (from {@code activePending} to here: all {@code null} when fewer than twice the threshold are
 *                       pending, see {@link Publication})
 * @param incoming       cases that came in during the month, perturbed
 * @param outgoing       cases that went out during the month, all kinds together, perturbed (how they went out, how
 *                       long they took and how many trial settings they had are not published: see
 *                       {@link Publication})
 * @param stalls         the pending cases' stall tables, perturbed, a {@code null} count when suppressed;
 *                       {@code null} when the stocks are not broken down, or the month was released before they
 *                       were published
 */
public record PublishedMonth(YearMonth month, int pending, int neverTried, Integer activePending, Integer suspended,
                             Map<String, Integer> ageBands, Integer beyondStandard, Double medianAgeDays,
                             Map<String, Integer> offence, Map<String, Integer> accused,
                             Map<String, Integer> victimGroup, Integer victims, int incoming, int outgoing,
                             StallCells stalls) {

    public PublishedMonth {
        ageBands = copy(ageBands);
        offence = copy(offence);
        accused = copy(accused);
        victimGroup = copy(victimGroup);
    }

    /**
     * The published stall tables of the month's pending cases (see {@link Stalls.Pending}).
     *
     * @param latestHearing    pending cases by their latest hearing ({@link Stalls#LATEST_HEARING_CELLS})
     * @param suspensionReason suspended pending cases by reason
     * @param inactivity       active pending cases by days since their latest step ({@link Stalls#INACTIVITY_BANDS})
     * @param reportingDelay   pending cases by days from incident to filing ({@link Stalls#REPORTING_CELLS})
     */
    public record StallCells(Map<String, Integer> latestHearing, Map<String, Integer> suspensionReason,
                             Map<String, Integer> inactivity, Map<String, Integer> reportingDelay) {

        public StallCells {
            latestHearing = copy(latestHearing);
            suspensionReason = copy(suspensionReason);
            inactivity = copy(inactivity);
            reportingDelay = copy(reportingDelay);
        }
    }

    /** False when too few cases were pending for the stocks to be broken down: only the totals are published. */
    public boolean brokenDown() {
        return ageBands != null;
    }

    /** A month with nothing in it, before a tribunal's first case: nothing pending to break down, no flow. */
    static PublishedMonth empty(YearMonth month) {
        return new PublishedMonth(month, 0, 0, null, null, null, null, null, null, null, null, null, 0, 0, null);
    }

    /** The same month with these stall tables (as stored beside it), or none. */
    public PublishedMonth withStalls(StallCells cells) {
        return new PublishedMonth(month, pending, neverTried, activePending, suspended, ageBands, beyondStandard,
                medianAgeDays, offence, accused, victimGroup, victims, incoming, outgoing, cells);
    }

    /**
     * The same month with its stocks' breakdowns (not its totals or flows) taken from an earlier publication, its
     * stall tables included: a month published before stall tables were has none until its stocks are drawn anew.
     * Drawn fresh beside kept stocks, they would already hold the changes the kept stocks wait for, and the next
     * redrawing would differ from them by fewer than {@code k} cases.
     */
    public PublishedMonth withStocksOf(PublishedMonth earlier) {
        return new PublishedMonth(month, pending, neverTried, earlier.activePending, earlier.suspended,
                earlier.ageBands, earlier.beyondStandard, earlier.medianAgeDays, earlier.offence, earlier.accused,
                earlier.victimGroup, earlier.victims, incoming, outgoing, earlier.stalls);
    }

    /** Keeps the order and the {@code null}s of suppressed cells, which {@code Map.copyOf} would refuse. */
    static Map<String, Integer> copy(Map<String, Integer> cells) {
        return cells == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }
}
