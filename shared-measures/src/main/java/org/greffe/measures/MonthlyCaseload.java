package org.greffe.measures;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.OffenceCategory;
import org.greffe.events.SuspensionReason;
import org.greffe.events.Victims;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.greffe.measures.MonthCells.Tables;

/**
 * A tribunal's exact figures month by month, the base of everything published to readers without exact figures:
 * stocks on each month's last day and flows within each calendar month, with the same definitions as
 * {@link CaseloadCalculator} (a month's stocks are the calculator's on its last day, its flows the calculator's over
 * the month). Every answer such a reader gets is computed from these months alone, so two requests can only ever
 * combine the same published cells.
 */
public final class MonthlyCaseload {

    private static final List<String> OFFENCES = names(OffenceCategory.values());
    private static final List<String> ACCUSED = names(AccusedAffiliation.values());
    private static final List<String> SUSPENSION_REASONS = names(SuspensionReason.values());

    private final TimeStandards standards;

    public MonthlyCaseload(TimeStandards standards) {
        this.standards = standards;
    }

    /** The month the tribunal's first case came in, or empty when no case was ever there. */
    public static Optional<YearMonth> firstMonth(String tribunalId, Collection<CaseRecord> records) {
        return records.stream().flatMap(record -> record.spells().stream())
                      .filter(spell -> spell.tribunalId().equals(tribunalId))
                      .map(spell -> YearMonth.from(spell.enteredOn())).min(YearMonth::compareTo);
    }

    /**
     * The months {@code first} to {@code last}, in order.
     *
     * @param keys keys the cases (and their stays at the tribunal) whom each table counts
     */
    public List<MonthCells> months(String tribunalId, Collection<CaseRecord> records, YearMonth first,
                                   YearMonth last, CellKey keys) {
        return months(tribunalId, records, first, last, keys, true);
    }

    /**
     * The months {@code first} to {@code last}, in order, with the stall tables or without them (records folded
     * under earlier definitions, see {@link Stalls#DEFINITIONS}).
     *
     * @param keys   keys the cases (and their stays at the tribunal) whom each table counts
     * @param stalls whether the records are folded under the stall figures' definitions: the months then have the
     *               stall tables of their pending cases
     */
    public List<MonthCells> months(String tribunalId, Collection<CaseRecord> records, YearMonth first,
                                   YearMonth last, CellKey keys, boolean stalls) {
        if (first.isAfter(last)) {
            return List.of();
        }
        int size = (int) first.until(last, ChronoUnit.MONTHS) + 1;
        Month[] months = new Month[size];
        for (int i = 0; i < size; i++) {
            months[i] = new Month(first.plusMonths(i), tribunalId, stalls);
        }
        Map<String, Long> caseKeys = new HashMap<>();
        for (CaseRecord record : records) {
            List<Spell> spells = record.spells();
            for (int index = 0; index < spells.size(); index++) {
                Spell spell = spells.get(index);
                if (spell.tribunalId().equals(tribunalId)) {
                    long caseKey = caseKeys.computeIfAbsent(record.caseId(), keys::elementKey);
                    stocks(record, spell, caseKey, months, first, last);
                    flows(record, spell, keys.elementKey(record.caseId() + "#" + index), months, first, last);
                }
            }
        }
        return Arrays.stream(months).map(Month::cells).toList();
    }

    /**
     * What a case adds to a tribunal's stock tables on a day: nothing ({@code null}) unless it is pending there;
     * otherwise whether it is suspended, and if not its active age (its band, whether beyond the standard, its days
     * for the median), and with the stall tables its place in them. Its offence, accused and victims never change.
     * Two versions of a case that add the same to a month add nothing to tell apart.
     *
     * @param stalls whether the month has the stall tables (see {@link #months(String, Collection, YearMonth,
     *               YearMonth, CellKey, boolean)})
     */
    public Contribution contribution(CaseRecord record, String tribunalId, LocalDate day, boolean stalls) {
        if (record == null) {
            return null;
        }
        Optional<Spell> spell = record.pendingAt(tribunalId, day);
        if (spell.isEmpty()) {
            return null;
        }
        Stalls.Position position = stalls ? Stalls.position(record, tribunalId, day) : null;
        if (record.suspendedOn(day)) {
            return new Contribution(true, -1, position);
        }
        return new Contribution(false, record.activeDays(spell.get(), day), position);
    }

    /**
     * A case's part in a tribunal's stocks on a day.
     *
     * @param suspended  suspended on the day
     * @param activeDays its age then, when active; -1 when suspended
     * @param stalls     its place in the stall tables, or {@code null} when the month has none
     */
    public record Contribution(boolean suspended, long activeDays, Stalls.Position stalls) {
    }

    private void stocks(CaseRecord record, Spell spell, long key, Month[] months, YearMonth first, YearMonth last) {
        YearMonth from = later(first, YearMonth.from(spell.enteredOn()));
        YearMonth to = spell.leftOn() == null ? last : earlier(last, YearMonth.from(spell.leftOn()));
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            if (spell.pendingOn(end)) {
                months[(int) first.until(month, ChronoUnit.MONTHS)].pending(record, spell, end, key);
            }
        }
    }

    private void flows(CaseRecord record, Spell spell, long key, Month[] months, YearMonth first, YearMonth last) {
        YearMonth entered = YearMonth.from(spell.enteredOn());
        if (!entered.isBefore(first) && !entered.isAfter(last)) {
            months[(int) first.until(entered, ChronoUnit.MONTHS)].entered(key);
        }
        if (spell.leftOn() != null) {
            YearMonth left = YearMonth.from(spell.leftOn());
            if (!left.isBefore(first) && !left.isAfter(last)) {
                months[(int) first.until(left, ChronoUnit.MONTHS)].left(record, spell, key);
            }
        }
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth earlier(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** One month's counts while they are being added up. */
    private final class Month {

        private final YearMonth month;
        private int pending;
        private int neverTried;
        private final List<Long> ages = new ArrayList<>();
        private final Counts age = new Counts(Tables.AGE, CaseloadCalculator.AGE_BANDS);
        private final Counts suspended = new Counts(Tables.SUSPENDED, List.of("suspended"));
        private final Counts beyond = new Counts(Tables.BEYOND_STANDARD, List.of("beyondStandard"));
        private final Counts offence = new Counts(Tables.OFFENCE, OFFENCES);
        private final Counts accused = new Counts(Tables.ACCUSED, ACCUSED);
        private final Counts victimGroup = new Counts(Tables.VICTIM_GROUP, CaseloadCalculator.VICTIM_GROUPS);
        private final Counts victims = new Counts(Tables.VICTIMS, List.of("victims"));
        private final Counts incoming = new Counts(Tables.INCOMING, List.of("incoming"));
        private final Counts outgoing = new Counts(Tables.OUTGOING, Tables.OUTGOING_CELLS);
        private final Counts judged = new Counts(Tables.JUDGED, Tables.JUDGED_CELLS);
        private final Counts latestHearing = new Counts(Tables.LATEST_HEARING, Stalls.LATEST_HEARING_CELLS);
        private final Counts suspensionReason = new Counts(Tables.SUSPENSION_REASON, SUSPENSION_REASONS);
        private final Counts inactivity = new Counts(Tables.INACTIVITY, Stalls.INACTIVITY_BANDS);
        private final Counts reportingDelay = new Counts(Tables.REPORTING_DELAY, Stalls.REPORTING_CELLS);
        private final String tribunalId;
        private final boolean stalls;

        Month(YearMonth month, String tribunalId, boolean stalls) {
            this.month = month;
            this.tribunalId = tribunalId;
            this.stalls = stalls;
        }

        void pending(CaseRecord record, Spell spell, LocalDate end, long key) {
            pending++;
            neverTried += record.neverTriedBy(end) ? 1 : 0;
            offence.add(OFFENCES.indexOf(record.offence().name()), 1, key);
            accused.add(ACCUSED.indexOf(record.accused().name()), 1, key);
            Victims counts = record.victims();
            victimGroup.addAll(new int[]{counts.women(), counts.girls(), counts.men(), counts.boys()}, key);
            victims.add(0, counts.women() + counts.girls() + counts.men() + counts.boys(), key);
            if (stalls) {
                Stalls.Position position = Stalls.position(record, tribunalId, end);
                latestHearing.add(Stalls.LATEST_HEARING_CELLS.indexOf(position.latestHearing()), 1, key);
                reportingDelay.add(Stalls.REPORTING_CELLS.indexOf(position.reporting()), 1, key);
                if (position.suspendedFor() != null) {
                    suspensionReason.add(SUSPENSION_REASONS.indexOf(position.suspendedFor()), 1, key);
                } else {
                    inactivity.add(Stalls.INACTIVITY_BANDS.indexOf(position.inactivity()), 1, key);
                }
            }
            if (record.suspendedOn(end)) {
                suspended.add(0, 1, key);
                return;
            }
            long days = record.activeDays(spell, end);
            ages.add(days);
            age.add(CaseloadCalculator.AGE_BANDS.indexOf(CaseloadCalculator.band(days)), 1, key);
            if (days > standards.days(record.offence())) {
                beyond.add(0, 1, key);
            }
        }

        void entered(long key) {
            incoming.add(0, 1, key);
        }

        void left(CaseRecord record, Spell spell, long key) {
            if (!spell.exit().disposes()) {
                outgoing.add(0, 1, key);
            } else {
                long days = record.activeDays(spell, spell.leftOn());
                int standard = standards.days(record.offence());
                int tier = days * 4 <= standard ? 1 : days * 2 <= standard ? 2 : days <= standard ? 3 : 4;
                outgoing.add(tier, 1, key);
            }
            if (spell.exit() == Spell.Exit.JUDGED) {
                judged.add(Math.min(4, Math.max(1, spell.trialSettings())) - 1, 1, key);
            }
        }

        MonthCells cells() {
            ages.sort(null);
            List<MonthCells.Table> tables = new ArrayList<>(List.of(age.table(), suspended.table(), beyond.table(),
                    offence.table(), accused.table(), victimGroup.table(), victims.table(), incoming.table(),
                    outgoing.table(), judged.table()));
            if (stalls) {
                tables.addAll(List.of(latestHearing.table(), suspensionReason.table(), inactivity.table(),
                        reportingDelay.table()));
            }
            return new MonthCells(month, pending, neverTried, CaseloadCalculator.median(ages), tables);
        }
    }

    /** The counts of one table and whom they count. */
    private static final class Counts {

        private final String name;
        private final List<String> cells;
        private final int[] values;
        private final CellKey.Population population = new CellKey.Population();

        Counts(String name, List<String> cells) {
            this.name = name;
            this.cells = cells;
            this.values = new int[cells.size()];
        }

        void add(int cell, int count, long key) {
            values[cell] += count;
            population.add(key);
        }

        void addAll(int[] counts, long key) {
            for (int cell = 0; cell < counts.length; cell++) {
                values[cell] += counts[cell];
            }
            population.add(key);
        }

        MonthCells.Table table() {
            return new MonthCells.Table(name, cells, Arrays.stream(values).boxed().toList(), population);
        }
    }
}
