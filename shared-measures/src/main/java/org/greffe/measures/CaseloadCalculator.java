package org.greffe.measures;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.OffenceCategory;
import org.greffe.events.Victims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a tribunal's figures from case records, for any day and period. Pure: the same records give the same
 * figures, whether they come from the live projection or from a replay of the raw event log.
 */
public final class CaseloadCalculator {

    /** Age bands of CourTools 4, in days, upper bounds inclusive. */
    static final List<String> AGE_BANDS = List.of("0-90", "91-180", "181-365", "366-730", ">730");

    /** Victim groups of {@link Victims}, in its order. */
    static final List<String> VICTIM_GROUPS = List.of("women", "girls", "men", "boys");

    private final TimeStandards standards;

    public CaseloadCalculator(TimeStandards standards) {
        this.standards = standards;
    }

    /** Stock figures of the tribunal on the day. */
    public CaseloadSummary summary(String tribunalId, Collection<CaseRecord> records, LocalDate day) {
        int pending = 0;
        int suspended = 0;
        int neverTried = 0;
        int inactive = 0;
        for (CaseRecord record : records) {
            if (record.pendingAt(tribunalId, day).isPresent()) {
                pending++;
                boolean isSuspended = record.suspendedOn(day);
                suspended += isSuspended ? 1 : 0;
                neverTried += record.neverTriedBy(day) ? 1 : 0;
                inactive += !isSuspended && ChronoUnit.DAYS.between(record.lastStepBy(day), day)
                        > Stalls.OVERVIEW_INACTIVITY_DAYS ? 1 : 0;
            }
        }
        return new CaseloadSummary(tribunalId, pending, pending - suspended, suspended, neverTried, inactive);
    }

    /** Stocks on {@code to} and flows over {@code [from, to]}. */
    public TribunalCaseload caseload(String tribunalId, Collection<CaseRecord> records, LocalDate from,
                                     LocalDate to) {
        requirePeriod(from, to);
        CaseloadSummary stocks = summary(tribunalId, records, to);

        Map<String, Integer> bands = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> bands.put(band, 0));
        List<Long> ages = new ArrayList<>();
        int beyond = 0;
        LocalDate oldestFiledOn = null;
        for (CaseRecord record : records) {
            Optional<Spell> spell = record.pendingAt(tribunalId, to);
            if (spell.isEmpty() || record.suspendedOn(to)) {
                continue;
            }
            long age = record.activeDays(spell.get(), to);
            ages.add(age);
            bands.merge(band(age), 1, Integer::sum);
            beyond += age > standards.days(record.offence()) ? 1 : 0;
            oldestFiledOn = oldestFiledOn == null || record.filedOn().isBefore(oldestFiledOn)
                    ? record.filedOn() : oldestFiledOn;
        }
        ages.sort(null);
        return new TribunalCaseload(tribunalId, from, to, stocks.pending(), stocks.activePending(),
                stocks.suspended(), stocks.neverTried(), bands, median(ages), oldestFiledOn,
                ages.isEmpty() ? null : ages.get(ages.size() - 1), percent(beyond, ages.size()),
                pendingBy(tribunalId, records, to), TribunalCaseload.SmallCellControl.EXACT,
                measures(tribunalId, records, from, to, stocks.pending()), null);
    }

    /**
     * The cases pending on the day (suspended included: the population of {@code pending}) by offence and by accused,
     * and their victims by group. Exact; suppression is the reader's concern.
     */
    private static PendingBreakdowns pendingBy(String tribunalId, Collection<CaseRecord> records, LocalDate day) {
        Map<String, Integer> offences = zeros(OffenceCategory.values());
        Map<String, Integer> accused = zeros(AccusedAffiliation.values());
        Map<String, Integer> victims = new LinkedHashMap<>();
        VICTIM_GROUPS.forEach(group -> victims.put(group, 0));
        for (CaseRecord record : records) {
            if (record.pendingAt(tribunalId, day).isEmpty()) {
                continue;
            }
            offences.merge(record.offence().name(), 1, Integer::sum);
            accused.merge(record.accused().name(), 1, Integer::sum);
            Victims counts = record.victims();
            victims.merge("women", counts.women(), Integer::sum);
            victims.merge("girls", counts.girls(), Integer::sum);
            victims.merge("men", counts.men(), Integer::sum);
            victims.merge("boys", counts.boys(), Integer::sum);
        }
        return new PendingBreakdowns(Breakdown.exact(offences), Breakdown.exact(accused), Breakdown.exact(victims));
    }

    private static Map<String, Integer> zeros(Enum<?>[] categories) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Enum<?> category : categories) {
            counts.put(category.name(), 0);
        }
        return counts;
    }

    /** Month by month over {@code [from, to]}: what came in, what went out, what was left pending. */
    public List<MonthFigures> timeline(String tribunalId, Collection<CaseRecord> records, LocalDate from,
                                       LocalDate to) {
        requirePeriod(from, to);
        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate start = later(from, month.atDay(1));
            LocalDate end = earlier(to, month.atEndOfMonth());
            int incoming = 0;
            int outgoing = 0;
            for (CaseRecord record : records) {
                for (Spell spell : record.spells()) {
                    if (spell.tribunalId().equals(tribunalId)) {
                        incoming += within(spell.enteredOn(), start, end) ? 1 : 0;
                        outgoing += within(spell.leftOn(), start, end) ? 1 : 0;
                    }
                }
            }
            months.add(new MonthFigures(month.toString(), incoming, outgoing,
                    summary(tribunalId, records, end).pending()));
        }
        return months;
    }

    private TribunalCaseload.Measures measures(String tribunalId, Collection<CaseRecord> records, LocalDate from,
                                               LocalDate to, int pendingAtEnd) {
        int incoming = 0;
        int outgoing = 0;
        int disposed = 0;
        int[] withinFractions = new int[3];
        Map<String, Integer> settings = new LinkedHashMap<>();
        List.of("1", "2", "3", "4+").forEach(bucket -> settings.put(bucket, 0));
        int judged = 0;
        for (CaseRecord record : records) {
            for (Spell spell : record.spells()) {
                if (!spell.tribunalId().equals(tribunalId)) {
                    continue;
                }
                incoming += within(spell.enteredOn(), from, to) ? 1 : 0;
                if (!within(spell.leftOn(), from, to)) {
                    continue;
                }
                outgoing++;
                if (spell.exit().disposes()) {
                    disposed++;
                    long days = record.activeDays(spell, spell.leftOn());
                    int standard = standards.days(record.offence());
                    withinFractions[0] += days * 4 <= standard ? 1 : 0;
                    withinFractions[1] += days * 2 <= standard ? 1 : 0;
                    withinFractions[2] += days <= standard ? 1 : 0;
                }
                if (spell.exit() == Spell.Exit.JUDGED) {
                    judged++;
                    settings.merge(spell.trialSettings() >= 4 ? "4+" : String.valueOf(Math.max(1,
                            spell.trialSettings())), 1, Integer::sum);
                }
            }
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Double dispositionTime = outgoing == 0 ? null : round((double) pendingAtEnd / outgoing * days);
        var timeToDisposition = new TribunalCaseload.TimeToDisposition(disposed,
                percent(withinFractions[0], disposed), percent(withinFractions[1], disposed),
                percent(withinFractions[2], disposed), percent(disposed - withinFractions[2], disposed));
        return new TribunalCaseload.Measures(incoming, outgoing, percent(outgoing, incoming), dispositionTime,
                timeToDisposition, judged == 0 ? null : settings);
    }

    static String band(long age) {
        if (age <= 90) {
            return "0-90";
        }
        if (age <= 180) {
            return "91-180";
        }
        if (age <= 365) {
            return "181-365";
        }
        return age <= 730 ? "366-730" : ">730";
    }

    static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    /** {@code part / whole × 100} to one decimal, or {@code null} when there is no whole. */
    static Double percent(int part, int whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }
}
