package org.greffe.measures;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.measures.MonthCells.Tables;

/**
 * The months everything published is computed from say exactly what the calculator says of the same days and
 * periods: a month's stocks are the calculator's on its last day, its flows the calculator's over the month.
 */
class MonthlyCaseloadTest {

    private static final TimeStandards STANDARDS = new TimeStandards(365, Map.of());
    private static final CellKey KEYS = new CellKey("a test secret of 32 bytes or so".getBytes(StandardCharsets.UTF_8));

    private final CaseloadCalculator calculator = new CaseloadCalculator(STANDARDS);
    private final MonthlyCaseload monthly = new MonthlyCaseload(STANDARDS);

    @Test
    void eachMonthHasTheCalculatorsFiguresForItsLastDayAndItsDays() {
        List<CaseRecord> records = RandomCases.records(7, 400);
        for (String tribunal : RandomCases.TRIBUNALS) {
            YearMonth first = MonthlyCaseload.firstMonth(tribunal, records).orElseThrow();
            List<MonthCells> months = monthly.months(tribunal, records, first, YearMonth.of(2021, 6), KEYS);
            assertThat(months).hasSize((int) first.until(YearMonth.of(2021, 6), java.time.temporal.ChronoUnit.MONTHS)
                    + 1);
            for (MonthCells month : months) {
                TribunalCaseload exact = calculator.caseload(tribunal, records, month.month().atDay(1),
                        month.month().atEndOfMonth());
                String what = tribunal + " " + month.month();
                assertThat(month.pending()).as(what).isEqualTo(exact.pending());
                assertThat(month.neverTried()).as(what).isEqualTo(exact.neverTried());
                assertThat(month.medianAgeDays()).as(what).isEqualTo(exact.medianAgeDays());
                assertThat(cells(month, Tables.AGE)).as(what).isEqualTo(exact.ageBands());
                assertThat(single(month, Tables.SUSPENDED)).as(what).isEqualTo(exact.suspended());
                assertThat(CaseloadCalculator.percent(single(month, Tables.BEYOND_STANDARD), exact.activePending()))
                        .as(what).isEqualTo(exact.beyondStandard());
                assertThat(cells(month, Tables.OFFENCE)).as(what).isEqualTo(counts(exact.pendingBy().offence()));
                assertThat(cells(month, Tables.ACCUSED)).as(what).isEqualTo(counts(exact.pendingBy().accused()));
                assertThat(cells(month, Tables.VICTIM_GROUP)).as(what)
                        .isEqualTo(counts(exact.pendingBy().victimGroup()));
                assertThat(single(month, Tables.VICTIMS)).as(what).isEqualTo(exact.pendingBy().victimGroup().total());
                assertThat(single(month, Tables.INCOMING)).as(what).isEqualTo(exact.measures().incoming());
                List<Integer> out = month.table(Tables.OUTGOING).values();
                assertThat(out.stream().mapToInt(Integer::intValue).sum()).as(what)
                        .isEqualTo(exact.measures().outgoing());
                int disposed = out.get(1) + out.get(2) + out.get(3) + out.get(4);
                var ttd = exact.measures().timeToDisposition();
                assertThat(disposed).as(what).isEqualTo(ttd.disposed());
                assertThat(CaseloadCalculator.percent(out.get(1) + out.get(2), disposed)).as(what)
                        .isEqualTo(ttd.withinHalfStandard());
                assertThat(CaseloadCalculator.percent(out.get(4), disposed)).as(what).isEqualTo(ttd.beyondStandard());
                Map<String, Integer> judged = cells(month, Tables.JUDGED);
                assertThat(judged.values().stream().allMatch(count -> count == 0) ? null : judged).as(what)
                        .isEqualTo(exact.measures().trialDateCertainty());
                Stalls.Pending stalls = Stalls.of(tribunal, records, month.month().atDay(1),
                        month.month().atEndOfMonth()).pending();
                assertThat(cells(month, Tables.LATEST_HEARING)).as(what).isEqualTo(stalls.byLatestHearing());
                assertThat(cells(month, Tables.SUSPENSION_REASON)).as(what).isEqualTo(stalls.suspendedByReason());
                assertThat(Stalls.inactive(cells(month, Tables.INACTIVITY))).as(what).isEqualTo(stalls.inactive());
                assertThat(cells(month, Tables.INACTIVITY).values().stream().mapToInt(Integer::intValue).sum())
                        .as(what + ": the bands hold every active case").isEqualTo(exact.activePending());
                assertThat(cells(month, Tables.REPORTING_DELAY)).as(what).isEqualTo(stalls.byReportingDelay());
            }
        }
    }

    @Test
    void withoutTheStallDefinitionsAMonthHasNoStallTable() {
        List<CaseRecord> records = List.of(Cases.filed("a", "t1", "2019-01-10").record());
        MonthCells month = monthly.months("t1", records, YearMonth.of(2019, 1), YearMonth.of(2019, 1), KEYS, false)
                                  .get(0);
        assertThat(month.has(Tables.AGE)).isTrue();
        assertThat(month.has(Tables.LATEST_HEARING)).isFalse();
        assertThat(month.has(Tables.INACTIVITY)).isFalse();
    }

    @Test
    void aTableCountsItsCasesOnceEachWhateverTheirFigures() {
        List<CaseRecord> records = List.of(Cases.filed("a", "t1", "2019-01-10").record(),
                Cases.filed("b", "t1", "2019-01-20").suspended("2019-02-01").record());
        List<MonthCells> months = monthly.months("t1", records, YearMonth.of(2019, 1), YearMonth.of(2019, 2), KEYS);
        assertThat(months.get(0).table(Tables.OFFENCE).population().size()).isEqualTo(2);
        assertThat(months.get(0).table(Tables.VICTIM_GROUP).population().size()).isEqualTo(2);
        assertThat(months.get(1).table(Tables.AGE).population().size()).as("active only").isEqualTo(1);
        assertThat(months.get(1).table(Tables.SUSPENDED).population().size()).isEqualTo(1);
        assertThat(months.get(0).table(Tables.INCOMING).population().size()).isEqualTo(2);
        assertThat(months.get(1).table(Tables.INCOMING).population().size()).isZero();
    }

    @Test
    void aTribunalWithoutCasesHasNoFirstMonthAndAnEmptyRangeHasNoMonths() {
        List<CaseRecord> records = List.of(Cases.filed("a", "t1", "2019-01-10").record());
        assertThat(MonthlyCaseload.firstMonth("t2", records)).isEmpty();
        assertThat(MonthlyCaseload.firstMonth("t1", records)).contains(YearMonth.of(2019, 1));
        assertThat(monthly.months("t1", records, YearMonth.of(2019, 2), YearMonth.of(2019, 1), KEYS)).isEmpty();
    }

    private static Map<String, Integer> cells(MonthCells month, String table) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        MonthCells.Table found = month.table(table);
        for (int i = 0; i < found.cells().size(); i++) {
            cells.put(found.cells().get(i), found.values().get(i));
        }
        return cells;
    }

    private static int single(MonthCells month, String table) {
        return month.table(table).values().get(0);
    }

    private static Map<String, Integer> counts(Breakdown breakdown) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        breakdown.cells().forEach((category, cell) -> counts.put(category, cell.count()));
        return counts;
    }
}
