package org.greffe.measures;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The answers a reader without exact figures gets, computed from a tribunal's published months alone: a period is
 * whole months, its stocks are its last month's and its flows the sums of its months' published flows. Whatever
 * periods a reader asks for, and however they overlap, the answers are functions of the same published cells, so
 * comparing them adds nothing to what those cells say.
 */
public final class PublishedFigures {

    private final String tribunalId;
    private final NavigableMap<YearMonth, PublishedMonth> months = new TreeMap<>();
    private final int threshold;
    private final TribunalCaseload.Release release;

    /**
     * @param tribunalId the tribunal
     * @param months     its published months; a month not among them had nothing in it
     * @param threshold  the small-cell threshold the months were published with
     * @param release    the release they belong to
     */
    public PublishedFigures(String tribunalId, List<PublishedMonth> months, int threshold,
                            TribunalCaseload.Release release) {
        this.tribunalId = tribunalId;
        months.forEach(month -> this.months.put(month.month(), month));
        this.threshold = threshold;
        this.release = release;
    }

    /** The stocks at the end of {@code to}, the flows over the months {@code from} to {@code to}. */
    public TribunalCaseload caseload(YearMonth from, YearMonth to) {
        requirePeriod(from, to);
        PublishedMonth end = month(to);
        int incoming = 0;
        int outgoing = 0;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            PublishedMonth figures = month(month);
            incoming += figures.incoming();
            outgoing += figures.outgoing();
        }
        long days = ChronoUnit.DAYS.between(from.atDay(1), to.atEndOfMonth()) + 1;
        Double dispositionTime = outgoing == 0 ? null
                : CaseloadCalculator.round((double) end.pending() / outgoing * days);
        // Time to disposition and trial date certainty split the few cases that went out: not published.
        var measures = new TribunalCaseload.Measures(incoming, outgoing,
                CaseloadCalculator.percent(outgoing, incoming), dispositionTime, null, null);
        var pendingBy = !end.brokenDown() ? null
                : new PendingBreakdowns(Breakdown.published(end.pending(), end.offence()),
                        Breakdown.published(end.pending(), end.accused()),
                        Breakdown.published(end.victims(), end.victimGroup()));
        Double beyond = beyondStandardShare(end);
        return new TribunalCaseload(tribunalId, from.atDay(1), to.atEndOfMonth(), end.pending(),
                end.activePending(), end.suspended(), end.neverTried(), end.ageBands(), end.medianAgeDays(), null,
                null, beyond, pendingBy, new TribunalCaseload.SmallCellControl(threshold, true), measures, release);
    }

    /**
     * The share (%) of active pending cases beyond their standard, as published: both counts are perturbed, apart,
     * and the share is capped at the whole, as the exact one is; {@code null} when the month is not broken down or
     * nothing is active.
     */
    static Double beyondStandardShare(PublishedMonth month) {
        return !month.brokenDown() ? null
                : CaseloadCalculator.percent(Math.min(month.beyondStandard(), month.activePending()),
                        month.activePending());
    }

    /**
     * The count beyond the standard that a reader derives from the published share and the published active count
     * (the nearest whole number), never the perturbed count behind the share, which is not published: whatever is
     * computed for readers of published figures from it says no more than the share did.
     */
    public static Integer beyondStandardCount(PublishedMonth month) {
        Double share = beyondStandardShare(month);
        return share == null ? null : (int) Math.round(share * month.activePending() / 100.0);
    }

    /**
     * The stall figures of the pending cases at the end of {@code to}, as published; what happened in the months
     * (adjournments and their reasons, filings and their reporting delays) is not published.
     */
    public Stalls stalls(YearMonth from, YearMonth to) {
        requirePeriod(from, to);
        PublishedMonth end = month(to);
        PublishedMonth.StallCells cells = end.stalls();
        Stalls.Pending pending = !end.brokenDown() || cells == null ? null
                : new Stalls.Pending(end.activePending(), cells.latestHearing(), cells.suspensionReason(),
                        Stalls.inactive(cells.inactivity()), cells.reportingDelay());
        return new Stalls(tribunalId, from.atDay(1), to.atEndOfMonth(), null, pending, null,
                new TribunalCaseload.SmallCellControl(threshold, true), release);
    }

    /** Month by month from {@code from} to {@code to}. */
    public List<MonthFigures> timeline(YearMonth from, YearMonth to) {
        requirePeriod(from, to);
        List<MonthFigures> timeline = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            PublishedMonth figures = month(month);
            timeline.add(new MonthFigures(month.toString(), figures.incoming(), figures.outgoing(),
                    figures.pending()));
        }
        return timeline;
    }

    /** The stocks at the end of the month. */
    public CaseloadSummary summary(YearMonth month) {
        PublishedMonth figures = month(month);
        Integer inactive = !figures.brokenDown() || figures.stalls() == null ? null
                : Stalls.inactive(figures.stalls().inactivity()).get(">" + Stalls.OVERVIEW_INACTIVITY_DAYS);
        return new CaseloadSummary(tribunalId, figures.pending(), figures.activePending(), figures.suspended(),
                figures.neverTried(), inactive);
    }

    /** The month as published; a month not in the release had nothing in it. */
    public PublishedMonth month(YearMonth month) {
        PublishedMonth figures = months.get(month);
        if (figures != null) {
            return figures;
        }
        // Before the first published month, nothing was pending; after a stretch with no case at all, neither.
        return PublishedMonth.empty(month);
    }

    private static void requirePeriod(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }
}
