package org.greffe.measures;

import org.greffe.events.AdjournmentReason;
import org.greffe.events.HearingKind;
import org.greffe.events.SuspensionReason;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Why the cases of one tribunal stall, over {@code [from, to]} and as of {@code to}: the same definitions for the live
 * projection's records, the auditors' replay of the raw log and the monthly releases. Every map lists every code,
 * zeros included, so that a reader sees what did not happen as well as what did.
 *
 * <p>Three parts. {@code adjournments} and {@code filings} count what happened in the period (flows); {@code pending}
 * describes the cases pending on {@code to} (stocks). A reader without exact figures gets the stocks of the latest
 * monthly release only, perturbed and with small cells hidden like the other breakdowns of the pending cases
 * ({@link Publication}); the flows are not published: at a few hearings a month, an adjournment's reason is one
 * survivor's case.
 *
 * @param tribunalId the tribunal
 * @param from       first day of the period
 * @param to         last day of the period, and the day the stocks are counted
 * @param adjournments hearings that came in the period; {@code null} when not published
 * @param pending    the cases pending on {@code to}; {@code null} when too few are pending to be broken down for a
 *                   reader without exact figures, or the release was made before stall figures were published
 * @param filings    the cases filed in the period and how long after the incident; {@code null} when not published
 * @param smallCells whether small cells were hidden, and with which threshold
 * @param release    for a reader without exact figures, the monthly release; {@code null} for exact figures
 */
public record Stalls(String tribunalId, LocalDate from, LocalDate to, Adjournments adjournments, Pending pending,
                     Filings filings, TribunalCaseload.SmallCellControl smallCells,
                     TribunalCaseload.Release release) {

    /**
     * The version of the case records' definitions the stall figures need: records folded under an earlier version
     * (before hearing outcomes and suspension reasons were kept) give wrong stall figures, so none are served until
     * the projection is rebuilt.
     */
    public static final int DEFINITIONS = 2;
    /** Days without a procedural step past which an active pending case counts as inactive. */
    public static final List<Integer> INACTIVITY_DAYS = List.of(90, 180, 365);
    /** The inactivity the tribunals' overview sorts by: no step for more than this many days. */
    public static final int OVERVIEW_INACTIVITY_DAYS = 365;
    /** Bands of days without a procedural step, of the active pending cases: what a release publishes. */
    public static final List<String> INACTIVITY_BANDS = List.of("0-90", "91-180", "181-365", ">365");
    /** A pending case whose present stay at the tribunal has had no hearing held or adjourned yet. */
    public static final String NO_HEARING = "NO_HEARING";
    /** A pending case whose latest hearing at the tribunal took place. */
    public static final String HELD = "HELD";
    /** The cells of the pending cases by their latest hearing: none yet, held, or adjourned for each reason. */
    public static final List<String> LATEST_HEARING_CELLS = Stream.concat(Stream.of(NO_HEARING, HELD),
            Stream.of(AdjournmentReason.values()).map(Enum::name)).toList();
    /** Bands of days from incident to filing. */
    public static final List<String> REPORTING_BANDS = List.of("0-30", "31-90", "91-365", ">365");
    /** A case filed without the incident's date. */
    public static final String UNDATED = "UNDATED";
    /** The cells of the pending cases by reporting delay: the bands, then undated. */
    public static final List<String> REPORTING_CELLS = Stream.concat(REPORTING_BANDS.stream(), Stream.of(UNDATED))
                                                             .toList();

    /**
     * The hearings held or adjourned at the tribunal in the period. A hearing may be adjourned before the day it was
     * set for: it counts on the day of its adjournment.
     *
     * @param byReason       the adjourned ones by reason
     * @param byKind         the adjourned ones by hearing kind
     * @param trialsDue      trial hearings held or adjourned in the period
     * @param trialsAdjourned of those, the adjourned ones
     * @param trialAdjournedShare their share (%), {@code null} when none came
     */
    public record Adjournments(Map<String, Integer> byReason, Map<String, Integer> byKind, int trialsDue,
                               int trialsAdjourned, Double trialAdjournedShare) {

        public Adjournments {
            byReason = PublishedMonth.copy(byReason);
            byKind = PublishedMonth.copy(byKind);
        }
    }

    /**
     * The cases pending at the tribunal on {@code to}. For a reader without exact figures each map is perturbed and
     * a hidden cell is {@code null}; an {@code inactive} count is {@code null} when a band it adds up is hidden.
     *
     * @param active            pending cases not suspended
     * @param byLatestHearing   all pending cases by their latest hearing during their present stay at the tribunal
     *                          ({@link #LATEST_HEARING_CELLS}): none yet, held, or adjourned and why
     * @param suspendedByReason the suspended ones by reason of their suspension
     * @param inactive          the active ones whose latest procedural step ({@link CaseRecord#lastStepBy}) is more
     *                          than 90, 180 and 365 days before {@code to} (keys {@code >90}, {@code >180},
     *                          {@code >365}; each counts the longer ones too). Suspended cases are left out: their
     *                          wait is explained, and counted by reason
     * @param byReportingDelay  all pending cases by days from incident to filing ({@link #REPORTING_CELLS})
     */
    public record Pending(Integer active, Map<String, Integer> byLatestHearing, Map<String, Integer> suspendedByReason,
                          Map<String, Integer> inactive, Map<String, Integer> byReportingDelay) {

        public Pending {
            byLatestHearing = PublishedMonth.copy(byLatestHearing);
            suspendedByReason = PublishedMonth.copy(suspendedByReason);
            inactive = PublishedMonth.copy(inactive);
            byReportingDelay = PublishedMonth.copy(byReportingDelay);
        }
    }

    /**
     * The cases filed at the tribunal in the period (transfers in are not filings).
     *
     * @param filed               how many
     * @param withoutIncidentDate of those, filed without the incident's date
     * @param medianReportingDays median days from incident to filing of the others, {@code null} when none
     * @param reportingDelay      the others by days from incident to filing ({@link #REPORTING_BANDS})
     */
    public record Filings(int filed, int withoutIncidentDate, Double medianReportingDays,
                          Map<String, Integer> reportingDelay) {

        public Filings {
            reportingDelay = PublishedMonth.copy(reportingDelay);
        }
    }

    /** The exact stall figures of the tribunal from the records of every case that was ever there. */
    public static Stalls of(String tribunalId, Collection<CaseRecord> records, LocalDate from, LocalDate to) {
        Map<String, Integer> byReason = zeros(Stream.of(AdjournmentReason.values()).map(Enum::name).toList());
        Map<String, Integer> byKind = zeros(Stream.of(HearingKind.values()).map(Enum::name).toList());
        Map<String, Integer> latest = zeros(LATEST_HEARING_CELLS);
        Map<String, Integer> suspended = zeros(Stream.of(SuspensionReason.values()).map(Enum::name).toList());
        Map<String, Integer> bands = zeros(INACTIVITY_BANDS);
        Map<String, Integer> pendingDelay = zeros(REPORTING_CELLS);
        Map<String, Integer> filedDelay = zeros(REPORTING_BANDS);
        int due = 0;
        int dueAdjourned = 0;
        int active = 0;
        int filed = 0;
        int undated = 0;
        List<Long> reporting = new ArrayList<>();
        for (CaseRecord record : records) {
            for (HearingOutcome outcome : record.hearingOutcomes()) {
                if (!outcome.tribunalId().equals(tribunalId) || outcome.on().isBefore(from)
                        || outcome.on().isAfter(to)) {
                    continue;
                }
                if (outcome.adjourned()) {
                    byReason.merge(outcome.adjournedFor().name(), 1, Integer::sum);
                    byKind.merge(outcome.kind().name(), 1, Integer::sum);
                }
                if (outcome.kind() == HearingKind.TRIAL) {
                    due++;
                    dueAdjourned += outcome.adjourned() ? 1 : 0;
                }
            }
            Position position = position(record, tribunalId, to);
            if (position != null) {
                latest.merge(position.latestHearing(), 1, Integer::sum);
                pendingDelay.merge(position.reporting(), 1, Integer::sum);
                if (position.suspendedFor() != null) {
                    suspended.merge(position.suspendedFor(), 1, Integer::sum);
                } else {
                    active++;
                    bands.merge(position.inactivity(), 1, Integer::sum);
                }
            }
            Spell first = record.spells().get(0);
            if (first.entry() == Spell.Entry.FILED && first.tribunalId().equals(tribunalId)
                    && !first.enteredOn().isBefore(from) && !first.enteredOn().isAfter(to)) {
                filed++;
                Long days = record.reportingDays();
                if (days == null) {
                    undated++;
                } else {
                    reporting.add(days);
                    filedDelay.merge(reportingBand(days), 1, Integer::sum);
                }
            }
        }
        reporting.sort(null);
        return new Stalls(tribunalId, from, to,
                new Adjournments(byReason, byKind, due, dueAdjourned, CaseloadCalculator.percent(dueAdjourned, due)),
                new Pending(active, latest, suspended, inactive(bands), pendingDelay),
                new Filings(filed, undated, CaseloadCalculator.median(reporting), filedDelay),
                TribunalCaseload.SmallCellControl.EXACT, null);
    }

    /**
     * Where a case pending at the tribunal on the day stands, in the cells of the stall tables; {@code null} when it
     * is not pending there.
     *
     * @param latestHearing its cell of {@link #LATEST_HEARING_CELLS}
     * @param suspendedFor  the reason of its suspension, or {@code null} when it is active
     * @param inactivity    its band of {@link #INACTIVITY_BANDS} when active, or {@code null}
     * @param reporting     its cell of {@link #REPORTING_CELLS}
     */
    public record Position(String latestHearing, String suspendedFor, String inactivity, String reporting) {
    }

    /** The case's place in the stall tables of the tribunal on the day, or {@code null} when not pending there. */
    public static Position position(CaseRecord record, String tribunalId, LocalDate day) {
        var spell = record.pendingAt(tribunalId, day);
        if (spell.isEmpty()) {
            return null;
        }
        if (record.firstTrialHeldOn() != null && record.hearingOutcomes().isEmpty()) {
            // A trial was held, yet no hearing outcome is kept: folded by a release that kept none.
            throw new FoldedBeforeStalls(record.caseId());
        }
        HearingOutcome last = record.latestHearing(tribunalId, spell.get().enteredOn(), day);
        String hearing = last == null ? NO_HEARING : last.adjourned() ? last.adjournedFor().name() : HELD;
        Long reporting = record.reportingDays();
        String delay = reporting == null ? UNDATED : reportingBand(reporting);
        var suspension = record.suspensionOn(day);
        if (suspension.isPresent()) {
            if (suspension.get().reason() == null) {
                throw new FoldedBeforeStalls(record.caseId());
            }
            return new Position(hearing, suspension.get().reason().name(), null, delay);
        }
        long idle = ChronoUnit.DAYS.between(record.lastStepBy(day), day);
        String band = idle <= 90 ? "0-90" : idle <= 180 ? "91-180" : idle <= 365 ? "181-365" : ">365";
        return new Position(hearing, null, band, delay);
    }

    /**
     * The cumulative counts {@code >90}, {@code >180}, {@code >365} from the disjoint bands; a count is {@code null}
     * when a band it adds up is (hidden from a reader without exact figures).
     */
    static Map<String, Integer> inactive(Map<String, Integer> bands) {
        Map<String, Integer> inactive = new LinkedHashMap<>();
        for (int threshold = 0; threshold < INACTIVITY_DAYS.size(); threshold++) {
            Integer sum = 0;
            for (int band = threshold + 1; band < INACTIVITY_BANDS.size(); band++) {
                Integer count = bands.get(INACTIVITY_BANDS.get(band));
                sum = sum == null || count == null ? null : sum + count;
            }
            inactive.put(">" + INACTIVITY_DAYS.get(threshold), sum);
        }
        return inactive;
    }

    /**
     * A record folded by a release that kept no suspension reasons (nor hearing outcomes) met where the stall figures
     * need them: the projection awaits a rebuild, whatever the definitions version says (an instance of the earlier
     * release still folding events beside this one).
     */
    public static final class FoldedBeforeStalls extends IllegalStateException {

        FoldedBeforeStalls(String caseId) {
            super("case " + caseId + " was folded before hearing outcomes and suspension reasons were kept: rebuild "
                    + "the projection (POST /api/audit/rebuild) first");
        }
    }

    /** The same figures, naming their release as given. */
    public Stalls withRelease(TribunalCaseload.Release named) {
        return new Stalls(tribunalId, from, to, adjournments, pending, filings, smallCells, named);
    }

    private static String reportingBand(long days) {
        return days <= 30 ? "0-30" : days <= 90 ? "31-90" : days <= 365 ? "91-365" : ">365";
    }

    private static Map<String, Integer> zeros(List<String> cells) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cells.forEach(cell -> counts.put(cell, 0));
        return counts;
    }
}
