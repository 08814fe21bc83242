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
 */
public record PublishedMonth(YearMonth month, int pending, int neverTried, Integer activePending, Integer suspended,
                             Map<String, Integer> ageBands, Integer beyondStandard, Double medianAgeDays,
                             Map<String, Integer> offence, Map<String, Integer> accused,
                             Map<String, Integer> victimGroup, Integer victims, int incoming, int outgoing) {

    public PublishedMonth {
        ageBands = copy(ageBands);
        offence = copy(offence);
        accused = copy(accused);
        victimGroup = copy(victimGroup);
    }

    /** False when too few cases were pending for the stocks to be broken down: only the totals are published. */
    public boolean brokenDown() {
        return ageBands != null;
    }

    /** A month with nothing in it, before a tribunal's first case: nothing pending to break down, no flow. */
    static PublishedMonth empty(YearMonth month) {
        return new PublishedMonth(month, 0, 0, null, null, null, null, null, null, null, null, null, 0, 0);
    }

    /** The same month with its stocks' breakdowns (not its totals or flows) taken from an earlier publication. */
    public PublishedMonth withStocksOf(PublishedMonth earlier) {
        return new PublishedMonth(month, pending, neverTried, earlier.activePending, earlier.suspended,
                earlier.ageBands, earlier.beyondStandard, earlier.medianAgeDays, earlier.offence, earlier.accused,
                earlier.victimGroup, earlier.victims, incoming, outgoing);
    }

    /** Keeps the order and the {@code null}s of suppressed cells, which {@code Map.copyOf} would refuse. */
    private static Map<String, Integer> copy(Map<String, Integer> cells) {
        return cells == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }
}
