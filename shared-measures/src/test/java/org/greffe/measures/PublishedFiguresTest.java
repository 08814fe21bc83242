package org.greffe.measures;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every answer published to an advocate is a function of the published months and nothing else. */
class PublishedFiguresTest {

    private static final TimeStandards STANDARDS = new TimeStandards(365, Map.of());
    private static final CellKey KEYS = new CellKey("published figures test's secret".getBytes(StandardCharsets.UTF_8));
    private static final TribunalCaseload.Release RELEASE = new TribunalCaseload.Release("2021-06",
            LocalDate.of(2021, 7, 1), Instant.parse("2021-07-01T00:05:00Z"), 42L);

    private final List<CaseRecord> records = RandomCases.records(19, 500);
    private final List<PublishedMonth> months = new MonthlyCaseload(STANDARDS)
            .months("t1", records, MonthlyCaseload.firstMonth("t1", records).orElseThrow(), YearMonth.of(2021, 6),
                    KEYS).stream().map(new Publication(KEYS, 5)::publish).toList();
    private final PublishedFigures figures = new PublishedFigures("t1", months, 5, RELEASE);

    @Test
    void aPeriodHasItsLastMonthsStocksAndTheSumOfItsMonthsFlows() {
        YearMonth from = YearMonth.of(2018, 3);
        YearMonth to = YearMonth.of(2019, 2);
        TribunalCaseload caseload = figures.caseload(from, to);
        PublishedMonth end = month(to);
        assertThat(caseload.from()).isEqualTo(LocalDate.of(2018, 3, 1));
        assertThat(caseload.to()).isEqualTo(LocalDate.of(2019, 2, 28));
        assertThat(caseload.pending()).isEqualTo(end.pending());
        assertThat(caseload.neverTried()).isEqualTo(end.neverTried());
        assertThat(caseload.ageBands()).isEqualTo(end.ageBands());
        assertThat(caseload.oldestFiledOn()).as("one case's date: never published").isNull();
        assertThat(caseload.oldestAgeDays()).isNull();
        assertThat(caseload.release()).isEqualTo(RELEASE);
        assertThat(caseload.smallCells()).isEqualTo(new TribunalCaseload.SmallCellControl(5, true));
        assertThat(end.brokenDown()).as("a month with enough cases").isTrue();
        assertThat(caseload.pendingBy().offence().total()).isEqualTo(end.pending());
        assertThat(caseload.pendingBy().offence().perturbed()).isTrue();
        int incoming = months.stream().filter(m -> !m.month().isBefore(from) && !m.month().isAfter(to))
                             .mapToInt(PublishedMonth::incoming).sum();
        assertThat(caseload.measures().incoming()).isEqualTo(incoming);
        assertThat(caseload.measures().timeToDisposition()).as("the few cases that went out are not split").isNull();
        assertThat(caseload.measures().trialDateCertainty()).isNull();
    }

    @Test
    void publishedStallFiguresAreTheLastMonthsStallTablesAndNoFlow() {
        YearMonth to = YearMonth.of(2019, 2);
        Stalls stalls = figures.stalls(YearMonth.of(2018, 3), to);
        PublishedMonth end = month(to);
        assertThat(stalls.adjournments()).as("adjournments are a flow of a few hearings: not published").isNull();
        assertThat(stalls.filings()).as("so are the filings' reporting delays").isNull();
        assertThat(stalls.release()).isEqualTo(RELEASE);
        assertThat(stalls.smallCells()).isEqualTo(new TribunalCaseload.SmallCellControl(5, true));
        assertThat(stalls.pending().active()).isEqualTo(end.activePending());
        assertThat(stalls.pending().byLatestHearing()).isEqualTo(end.stalls().latestHearing());
        assertThat(stalls.pending().suspendedByReason()).isEqualTo(end.stalls().suspensionReason());
        assertThat(stalls.pending().byReportingDelay()).isEqualTo(end.stalls().reportingDelay());
        Map<String, Integer> bands = end.stalls().inactivity();
        Integer over365 = bands.get(">365");
        assertThat(stalls.pending().inactive().get(">365")).isEqualTo(over365);
        Integer over180 = bands.get("181-365") == null || over365 == null ? null : bands.get("181-365") + over365;
        assertThat(stalls.pending().inactive().get(">180")).as("null when a band it adds is hidden")
                                                           .isEqualTo(over180);
    }

    @Test
    void aMonthNotBrokenDownOrReleasedBeforeStallTablesHasNoPublishedStallFigures() {
        PublishedMonth end = month(YearMonth.of(2019, 2));
        PublishedMonth before = new PublishedMonth(end.month(), end.pending(), end.neverTried(), end.activePending(),
                end.suspended(), end.ageBands(), end.beyondStandard(), end.medianAgeDays(), end.offence(),
                end.accused(), end.victimGroup(), end.victims(), end.incoming(), end.outgoing(), null);
        PublishedFigures older = new PublishedFigures("t1", List.of(before), 5, RELEASE);
        assertThat(older.stalls(end.month(), end.month()).pending()).isNull();
        assertThat(figures.stalls(YearMonth.of(2010, 1), YearMonth.of(2010, 1)).pending())
                .as("nothing pending: nothing broken down").isNull();
        assertThat(end.withStocksOf(before).stalls()).as("stocks kept from before stall tables: none until redrawn")
                                                     .isNull();
        assertThat(before.withStocksOf(end).stalls()).as("published ones are kept").isEqualTo(end.stalls());
    }

    @Test
    void noShareExceedsTheWholeThoughItsPartsArePerturbedApart() {
        for (PublishedMonth month : months) {
            TribunalCaseload caseload = figures.caseload(month.month(), month.month());
            if (caseload.beyondStandard() != null) {
                assertThat(caseload.beyondStandard()).as("%s", month.month()).isBetween(0.0, 100.0);
            }
        }
    }

    @Test
    void overlappingPeriodsAddUpSoTheirDifferenceIsAMonthAlreadyPublished() {
        YearMonth from = YearMonth.of(2017, 1);
        for (YearMonth split = from; split.isBefore(YearMonth.of(2018, 12)); split = split.plusMonths(1)) {
            var whole = figures.caseload(from, YearMonth.of(2018, 12)).measures();
            var before = figures.caseload(from, split).measures();
            var after = figures.caseload(split.plusMonths(1), YearMonth.of(2018, 12)).measures();
            assertThat(whole.incoming()).isEqualTo(before.incoming() + after.incoming());
            assertThat(whole.outgoing()).isEqualTo(before.outgoing() + after.outgoing());
        }
    }

    @Test
    void theTimelineIsTheMonthsFlowsAndTheirExactPendingAtMonthEnd() {
        List<MonthFigures> timeline = figures.timeline(YearMonth.of(2016, 1), YearMonth.of(2016, 12));
        assertThat(timeline).hasSize(12);
        for (MonthFigures row : timeline) {
            PublishedMonth month = month(YearMonth.parse(row.month()));
            assertThat(row.pendingEnd()).isEqualTo(month.pending());
            assertThat(row.incoming()).isEqualTo(month.incoming());
            assertThat(row.outgoing()).isEqualTo(month.outgoing());
        }
    }

    @Test
    void monthsBeforeTheFirstCaseAreEmptyAndExact() {
        TribunalCaseload before = figures.caseload(YearMonth.of(2010, 1), YearMonth.of(2010, 12));
        assertThat(before.pending()).isZero();
        assertThat(before.measures().incoming()).isZero();
        assertThat(before.measures().trialDateCertainty()).isNull();
        assertThat(figures.summary(YearMonth.of(2010, 6))).isEqualTo(new CaseloadSummary("t1", 0, null, null, 0, null));
        assertThat(before.pendingBy()).as("nothing to break down").isNull();
        assertThatIllegalArgumentException().isThrownBy(
                () -> figures.caseload(YearMonth.of(2011, 1), YearMonth.of(2010, 12)));
    }

    private PublishedMonth month(YearMonth month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
    }
}
