package org.greffe.measures.forecast;

import org.greffe.events.OffenceCategory;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.PublishedFigures;
import org.greffe.measures.PublishedMonth;
import org.greffe.measures.Spell;
import org.greffe.measures.TimeStandards;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a forecast's starting point in one of two ways, which decide who may read it.
 * <ul>
 *   <li>{@link #fromRecords}: the tribunal's real cases and months, exact. For clerks and auditors, and for the
 *   auditors' re-run of a past forecast on the log as it was known then.</li>
 *   <li>{@link #fromPublished}: the cells of a published release and nothing else. For everyone else: whatever
 *   scenarios they try, the forecast is a function of cells they can already read, so it cannot tell them more than
 *   the release did (exact ages would, say, show by the month a case crosses its standard how many pending cases
 *   were filed in a given month).</li>
 * </ul>
 */
public final class ForecastInputs {

    /** Whole months of history a forecast uses when not told otherwise. */
    public static final int DEFAULT_BASIS = 24;
    /** The most months of history. */
    public static final int MAX_BASIS = 120;

    /** Published age bands: their first and last day; the open band is taken to run a year. */
    private static final Map<String, int[]> BANDS = Map.of("0-90", new int[]{0, 90}, "91-180", new int[]{91, 180},
            "181-365", new int[]{181, 365}, "366-730", new int[]{366, 730}, ">730", new int[]{731, 1095});

    private ForecastInputs() {
    }

    /** The last whole month on or before the day: its own month when it is the month's last day. */
    public static YearMonth lastWholeMonth(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return day.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }

    /**
     * The exact starting point: the cases pending at the tribunal on {@code asOf}, and the {@code basis} whole months
     * up to the last one ended on or before it.
     *
     * @param records every case ever at the tribunal, as known
     */
    public static ForecastInput fromRecords(String tribunalId, Collection<CaseRecord> records, LocalDate asOf,
                                            int basis, TimeStandards standards) {
        requireBasis(basis);
        YearMonth last = lastWholeMonth(asOf);
        YearMonth first = last.minusMonths(basis - 1L);
        // One pass over the records (a tribunal may hold tens of thousands): flows by month of the basis, stocks at
        // each month's end, ends[0] being the end of the month before the basis.
        LocalDate[] ends = new LocalDate[basis + 1];
        for (int j = 0; j <= basis; j++) {
            ends[j] = first.plusMonths(j - 1L).atEndOfMonth();
        }
        int[] incoming = new int[basis];
        int[] outgoing = new int[basis];
        int[] pendingAtEnd = new int[basis + 1];
        int[] neverTriedAtEnd = new int[basis + 1];
        int[] activeNeverTriedAtEnd = new int[basis + 1];
        int[] backlogAtEnd = new int[basis + 1];
        Map<Integer, Integer> incomingStandards = new TreeMap<>();
        long trials = 0;
        List<ForecastInput.PendingCase> pending = new ArrayList<>();
        for (CaseRecord record : records) {
            int standard = standards.days(record.offence());
            for (Spell spell : record.spells()) {
                if (!spell.tribunalId().equals(tribunalId)) {
                    continue;
                }
                int entered = monthIndex(spell.enteredOn(), first, basis);
                if (entered >= 0) {
                    incoming[entered]++;
                    incomingStandards.merge(standard, 1, Integer::sum);
                }
                int left = monthIndex(spell.leftOn(), first, basis);
                if (left >= 0) {
                    outgoing[left]++;
                }
            }
            LocalDate tried = record.firstTrialHeldOn();
            if (tried != null && monthIndex(tried, first, basis) >= 0
                    && record.pendingAt(tribunalId, tried).isPresent()) {
                trials++;
            }
            for (int j = 0; j <= basis; j++) {
                Spell spell = record.pendingAt(tribunalId, ends[j]).orElse(null);
                if (spell == null) {
                    continue;
                }
                pendingAtEnd[j]++;
                boolean untried = record.neverTriedBy(ends[j]);
                neverTriedAtEnd[j] += untried ? 1 : 0;
                if (!record.suspendedOn(ends[j])) {
                    activeNeverTriedAtEnd[j] += untried ? 1 : 0;
                    backlogAtEnd[j] += record.activeDays(spell, ends[j]) > standard ? 1 : 0;
                }
            }
            Spell now = record.pendingAt(tribunalId, asOf).orElse(null);
            if (now != null) {
                pending.add(new ForecastInput.PendingCase(now.enteredOn(), record.activeDays(now, asOf), standard,
                        record.neverTriedBy(asOf), record.suspendedOn(asOf)));
            }
        }
        List<ForecastInput.BasisMonth> months = new ArrayList<>();
        long exposure = 0;
        for (int i = 0; i < basis; i++) {
            exposure += activeNeverTriedAtEnd[i];
            months.add(new ForecastInput.BasisMonth(first.plusMonths(i), incoming[i], outgoing[i],
                    pendingAtEnd[i + 1], neverTriedAtEnd[i + 1], backlogAtEnd[i + 1]));
        }
        double trialRate = exposure == 0 ? 0 : Math.min(1.0, (double) trials / exposure);
        return new ForecastInput(asOf, pending, months, trialRate, incomingStandards, standards.defaultDays(), true);
    }

    /** The basis month of the day, 0 for the first, or -1 when the day is none of them (or absent). */
    private static int monthIndex(LocalDate day, YearMonth first, int basis) {
        if (day == null) {
            return -1;
        }
        int index = (day.getYear() - first.getYear()) * 12 + day.getMonthValue() - first.getMonthValue();
        return index >= 0 && index < basis ? index : -1;
    }

    /**
     * The published starting point: the release's last month and the {@code basis} months up to it, as published.
     * The pending cases are stand-ins: as many as were pending (exact), the suspended ones those the age bands do not
     * hold, their ages spread evenly within the published bands, the oldest of them, as many as the published count
     * beyond the standard, beyond it, and each of the others given the shortest time standard of the published
     * offences that it has not passed yet. The trial rate is estimated from the exact monthly totals, the cases going
     * out taken to be tried or not in proportion. When the release's month is not broken down (too few cases), the
     * ages are unknown and the backlog is not forecast.
     */
    public static ForecastInput fromPublished(PublishedFigures figures, YearMonth release, int basis,
                                              TimeStandards standards) {
        requireBasis(basis);
        YearMonth first = release.minusMonths(basis - 1L);
        List<ForecastInput.BasisMonth> months = new ArrayList<>();
        PublishedMonth previous = figures.month(first.minusMonths(1));
        double trials = 0;
        long exposure = 0;
        for (YearMonth month = first; !month.isAfter(release); month = month.plusMonths(1)) {
            PublishedMonth published = figures.month(month);
            months.add(new ForecastInput.BasisMonth(month, published.incoming(), published.outgoing(),
                    published.pending(), published.neverTried(), PublishedFigures.beyondStandardCount(published)));
            if (previous.pending() > 0) {
                // Summed with its sign: the flows' noise cancels over the basis, where clipping each month at zero
                // would keep only the upward noise.
                double untriedOut = published.outgoing() * (double) previous.neverTried() / previous.pending();
                trials += previous.neverTried() + published.incoming() - untriedOut - published.neverTried();
                exposure += previous.neverTried();
            }
            previous = published;
        }
        PublishedMonth end = figures.month(release);
        Map<Integer, Integer> offenceStandards = new TreeMap<>();
        if (end.offence() != null) {
            end.offence().forEach((offence, count) -> {
                if (count != null && count > 0) {
                    offenceStandards.merge(standards.days(OffenceCategory.valueOf(offence)), count, Integer::sum);
                }
            });
        }
        double trialRate = exposure == 0 ? 0 : Math.min(1.0, Math.max(0, trials) / exposure);
        LocalDate asOf = release.atEndOfMonth();
        List<ForecastInput.PendingCase> pending = end.brokenDown()
                ? standIns(end, asOf, offenceStandards, standards.defaultDays())
                : unknownAges(end, asOf);
        return new ForecastInput(asOf, pending, months, trialRate, offenceStandards, standards.defaultDays(),
                end.brokenDown());
    }

    private static List<ForecastInput.PendingCase> standIns(PublishedMonth end, LocalDate asOf,
                                                            Map<Integer, Integer> offenceStandards,
                                                            int defaultStandard) {
        List<Long> ages = new ArrayList<>();
        int room = end.pending();
        for (String band : List.of(">730", "366-730", "181-365", "91-180", "0-90")) {
            int count = Math.min(room, end.ageBands().getOrDefault(band, 0));
            room -= count;
            int[] days = BANDS.get(band);
            int width = days[1] - days[0] + 1;
            for (int i = count - 1; i >= 0; i--) {
                ages.add(days[0] + (long) Math.floor((i + 0.5) * width / count));
            }
        }
        int active = ages.size();
        List<Integer> known = new ArrayList<>(offenceStandards.keySet());
        if (known.isEmpty()) {
            known.add(defaultStandard);
        }
        // The count beyond the standard as a reader derives it from the published share, not the perturbed count
        // behind it; and a stand-in older than every standard is beyond whatever the noisy share says, or it would
        // cross in the first month with nothing coming in or going out.
        int longest = known.get(known.size() - 1);
        int olderThanAll = (int) ages.stream().filter(age -> age > longest).count();
        Integer published = PublishedFigures.beyondStandardCount(end);
        int beyond = Math.min(active, Math.max(olderThanAll, published == null ? 0 : published));
        int suspended = end.pending() - active;
        int untriedSuspended = end.pending() == 0 ? 0
                : (int) Math.round((double) end.neverTried() * suspended / end.pending());
        int untriedActive = end.neverTried() - untriedSuspended;
        List<ForecastInput.PendingCase> pending = new ArrayList<>();
        for (int i = 0; i < active; i++) {
            long age = ages.get(i);
            int standard;
            if (i < beyond) {
                age = Math.max(age, 2);
                standard = (int) Math.min(Integer.MAX_VALUE, age - 1);
            } else {
                long reached = age;
                standard = known.stream().filter(days -> days >= reached).findFirst()
                                .orElse((int) Math.min(Integer.MAX_VALUE, age));
            }
            // Oldest first, so the never-tried are taken to be the youngest: a case that waited longer had more
            // chances of a trial.
            pending.add(new ForecastInput.PendingCase(asOf.minusDays(age), age, standard, i >= active - untriedActive,
                    false));
        }
        for (int i = 0; i < suspended; i++) {
            pending.add(new ForecastInput.PendingCase(asOf, 0, defaultStandard, i < untriedSuspended, true));
        }
        return pending;
    }

    /** Too few cases for the release to say their ages: stand-ins that never cross a standard (no backlog forecast). */
    private static List<ForecastInput.PendingCase> unknownAges(PublishedMonth end, LocalDate asOf) {
        List<ForecastInput.PendingCase> pending = new ArrayList<>();
        for (int i = 0; i < end.pending(); i++) {
            pending.add(new ForecastInput.PendingCase(asOf, 0, Integer.MAX_VALUE, i < end.neverTried(), false));
        }
        return pending;
    }

    /**
     * What a forecast forecasts, as it was on a day: the tribunal's pending cases, those never tried, and the backlog
     * (active pending cases beyond their time standard); and the active cases never tried, the trial rate's exposure.
     */
    public static Observed observed(String tribunalId, Collection<CaseRecord> records, LocalDate day,
                                    TimeStandards standards) {
        int pending = 0;
        int neverTried = 0;
        int activeNeverTried = 0;
        int backlog = 0;
        for (CaseRecord record : records) {
            Optional<Spell> spell = record.pendingAt(tribunalId, day);
            if (spell.isEmpty()) {
                continue;
            }
            pending++;
            boolean untried = record.neverTriedBy(day);
            neverTried += untried ? 1 : 0;
            if (!record.suspendedOn(day)) {
                activeNeverTried += untried ? 1 : 0;
                backlog += record.activeDays(spell.get(), day) > standards.days(record.offence()) ? 1 : 0;
            }
        }
        return new Observed(pending, neverTried, activeNeverTried, backlog);
    }

    private static void requireBasis(int basis) {
        if (basis < 1 || basis > MAX_BASIS) {
            throw new IllegalArgumentException("basis must be between 1 and " + MAX_BASIS + " months (got " + basis
                    + ")");
        }
    }

    /** A tribunal's stocks on a day (see {@link #observed}). */
    public record Observed(int pending, int neverTried, int activeNeverTried, int backlog) {
    }
}
