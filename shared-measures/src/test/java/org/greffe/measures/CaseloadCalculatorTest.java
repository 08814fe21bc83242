package org.greffe.measures;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.OffenceCategory;
import org.greffe.events.Victims;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.greffe.measures.Cases.day;

/** Every measure on small hand-checked dockets, including each zero-denominator case. */
class CaseloadCalculatorTest {

    private static final String T = "bamako-commune-iii";
    private final CaseloadCalculator calculator = new CaseloadCalculator(TimeStandards.uniform(365));

    @Test
    void stocksCountPendingActiveSuspendedNeverTriedAndInactive() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01").record(),
                Cases.filed("b", T, "2019-01-01").suspended("2019-06-01").record(),
                Cases.filed("c", T, "2019-01-01").trialSet("2019-03-01").held("2019-03-01").record(),
                Cases.filed("d", T, "2019-01-01").withdrawn("2019-02-01").record(),
                Cases.filed("e", "mopti", "2019-01-01").record(),
                Cases.filed("f", T, "2020-05-01").record());
        CaseloadSummary summary = calculator.summary(T, records, day("2020-06-03"));
        assertThat(summary).as("a and c idle over a year; b suspended; f filed a month ago")
                           .isEqualTo(new CaseloadSummary(T, 4, 3, 1, 3, 2));
    }

    @Test
    void anEmptyTribunalHasZeroStocksAndNullRatios() {
        TribunalCaseload caseload = calculator.caseload(T, List.of(), day("2019-06-04"), day("2020-06-03"));
        assertThat(caseload.pending()).isZero();
        assertThat(caseload.medianAgeDays()).isNull();
        assertThat(caseload.oldestFiledOn()).isNull();
        assertThat(caseload.oldestAgeDays()).isNull();
        assertThat(caseload.beyondStandard()).isNull();
        assertThat(caseload.ageBands()).containsOnlyKeys("0-90", "91-180", "181-365", "366-730", ">730")
                                       .allSatisfy((band, count) -> assertThat(count).isZero());
        var measures = caseload.measures();
        assertThat(measures.incoming()).isZero();
        assertThat(measures.outgoing()).isZero();
        assertThat(measures.clearanceRate()).as("no incoming").isNull();
        assertThat(measures.dispositionTimeDays()).as("no outgoing").isNull();
        assertThat(measures.timeToDisposition().disposed()).isZero();
        assertThat(measures.timeToDisposition().withinStandard()).as("nothing disposed").isNull();
        assertThat(measures.timeToDisposition().beyondStandard()).isNull();
        assertThat(measures.trialDateCertainty()).as("no trial dispositions").isNull();
    }

    @Test
    void agesFallIntoBandsExcludingSuspendedTimeAndSuspendedCases() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2020-06-03").record(),                         // 0 days
                Cases.filed("b", T, "2020-03-05").record(),                         // 90
                Cases.filed("c", T, "2020-03-04").record(),                         // 91
                Cases.filed("d", T, "2019-06-04").record(),                         // 365
                Cases.filed("e", T, "2018-06-04").record(),                         // 730
                Cases.filed("f", T, "2018-06-03").record(),                         // 731
                Cases.filed("g", T, "2018-01-01").suspended("2018-02-01").resumed("2020-01-01").record(),
                Cases.filed("h", T, "2015-01-01").suspended("2016-01-01").record()); // suspended: not active
        TribunalCaseload caseload = calculator.caseload(T, records, day("2019-06-04"), day("2020-06-03"));
        // g: 884 days since filing less 699 suspended = 185
        assertThat(caseload.ageBands()).containsExactly(Map.entry("0-90", 2), Map.entry("91-180", 1),
                Map.entry("181-365", 2), Map.entry("366-730", 1), Map.entry(">730", 1));
        assertThat(caseload.activePending()).isEqualTo(7);
        assertThat(caseload.suspended()).isEqualTo(1);
        assertThat(caseload.medianAgeDays()).isEqualTo(185.0);
        assertThat(caseload.oldestFiledOn()).isEqualTo(day("2018-01-01"));
        assertThat(caseload.oldestAgeDays()).isEqualTo(731);
        assertThat(caseload.beyondStandard()).as("2 of 7 beyond 365 days").isEqualTo(28.6);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(CaseloadCalculator.median(List.of(10L, 20L, 31L, 40L))).isEqualTo(25.5);
        assertThat(CaseloadCalculator.median(List.of(7L))).isEqualTo(7.0);
        assertThat(CaseloadCalculator.median(List.of())).isNull();
    }

    @Test
    void timeStandardsDifferByOffence() {
        var calculator = new CaseloadCalculator(new TimeStandards(365, Map.of(OffenceCategory.SEXUAL_SLAVERY, 730)));
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01", OffenceCategory.RAPE).record(),
                Cases.filed("b", T, "2019-01-01", OffenceCategory.SEXUAL_SLAVERY).record());
        assertThat(calculator.caseload(T, records, day("2019-06-04"), day("2020-06-03")).beyondStandard())
                .isEqualTo(50.0);
    }

    @Test
    void flowsCountEntriesAndExitsWithinThePeriod() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01").record(),                                       // in
                Cases.filed("b", T, "2018-12-31").record(),                                       // before period
                Cases.filed("c", T, "2019-02-01").dismissed("2019-03-01").record(),              // in, out
                Cases.filed("d", "mopti", "2018-01-01").transferred("2019-04-01", "mopti", T).record(), // in
                Cases.filed("e", T, "2018-01-01").transferred("2019-05-01", T, "gao").record(),   // out
                Cases.filed("f", T, "2018-01-01").withdrawn("2018-06-01").reopened("2019-06-01").record()); // in
        var measures = calculator.caseload(T, records, day("2019-01-01"), day("2019-12-31")).measures();
        assertThat(measures.incoming()).isEqualTo(4);
        assertThat(measures.outgoing()).isEqualTo(2);
        assertThat(measures.clearanceRate()).isEqualTo(50.0);
        // 4 pending on 2019-12-31 (a, b, d, f) / 2 outgoing × 365 days
        assertThat(measures.dispositionTimeDays()).isEqualTo(730.0);
        var toDisposition = measures.timeToDisposition();
        assertThat(toDisposition.disposed()).as("a transfer does not dispose of a case").isEqualTo(1);
        assertThat(toDisposition.withinQuarterStandard()).as("c took 28 days").isEqualTo(100.0);
    }

    @Test
    void timeToDispositionSharesAreCumulativeAndExcludeSuspendedTime() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01").dismissed("2019-02-01").record(),             // 31 days
                Cases.filed("b", T, "2019-01-01").dismissed("2019-06-01").record(),             // 151
                Cases.filed("c", T, "2018-09-01").suspended("2018-10-01").resumed("2019-09-01")
                     .withdrawn("2019-10-01").record(),                                          // 395 - 335 = 60
                Cases.filed("d", T, "2018-01-01").dismissed("2019-11-01").record());            // 669
        var toDisposition = calculator.caseload(T, records, day("2019-01-01"), day("2019-12-31")).measures()
                                      .timeToDisposition();
        assertThat(toDisposition.disposed()).isEqualTo(4);
        assertThat(toDisposition.withinQuarterStandard()).isEqualTo(50.0);
        assertThat(toDisposition.withinHalfStandard()).isEqualTo(75.0);
        assertThat(toDisposition.withinStandard()).isEqualTo(75.0);
        assertThat(toDisposition.beyondStandard()).isEqualTo(25.0);
    }

    @Test
    void trialDateCertaintyCountsTheTrialSettingsOfCasesJudgedInThePeriod() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01").trialSet("2019-02-01").held("2019-02-01")
                     .judged("2019-03-01").record(),
                Cases.filed("b", T, "2019-01-01").trialSet("2019-02-01").adjourned("2019-02-01")
                     .trialSet("2019-03-01").held("2019-03-01").judged("2019-04-01").record(),
                Cases.filed("c", T, "2019-01-01").trialSet("2019-02-01").adjourned("2019-02-01")
                     .trialSet("2019-03-01").adjourned("2019-03-01").trialSet("2019-04-01").adjourned("2019-04-01")
                     .trialSet("2019-05-01").adjourned("2019-05-01").trialSet("2019-06-01").held("2019-06-01")
                     .judged("2019-07-01").record(),
                Cases.filed("d", T, "2019-01-01").trialSet("2019-02-01").held("2019-02-01")
                     .judged("2019-03-01").record(),
                Cases.filed("e", T, "2019-01-01").dismissed("2019-02-01").record());
        var certainty = calculator.caseload(T, records, day("2019-01-01"), day("2019-12-31")).measures()
                                  .trialDateCertainty();
        assertThat(certainty).containsExactly(Map.entry("1", 2), Map.entry("2", 1), Map.entry("3", 0),
                Map.entry("4+", 1));
    }

    @Test
    void theTimelineAddsUpToTheStocks() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2018-12-15").record(),
                Cases.filed("b", T, "2019-01-10").dismissed("2019-03-05").record(),
                Cases.filed("c", T, "2019-02-20").transferred("2019-02-25", T, "gao").record(),
                Cases.filed("d", T, "2019-03-31").record());
        List<MonthFigures> months = calculator.timeline(T, records, day("2019-01-15"), day("2019-03-31"));
        assertThat(months).containsExactly(
                new MonthFigures("2019-01", 0, 0, 2),
                new MonthFigures("2019-02", 1, 1, 2),
                new MonthFigures("2019-03", 1, 1, 2));
        int before = calculator.summary(T, records, day("2019-01-14")).pending();
        int flows = months.stream().mapToInt(m -> m.incoming() - m.outgoing()).sum();
        assertThat(before + flows).isEqualTo(months.get(months.size() - 1).pendingEnd());
    }

    @Test
    void pendingCasesAreBrokenDownByOffenceAccusedAndVictimGroupSuspendedOnesIncluded() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01", OffenceCategory.RAPE, AccusedAffiliation.STATE_FORCES,
                        new Victims(2, 1, 0, 0)).record(),
                Cases.filed("b", T, "2019-01-01", OffenceCategory.SEXUAL_SLAVERY,
                        AccusedAffiliation.NON_STATE_ARMED_GROUP, new Victims(0, 0, 1, 1)).suspended("2019-06-01")
                     .record(),
                Cases.filed("c", T, "2019-02-01", OffenceCategory.RAPE, AccusedAffiliation.UNIDENTIFIED,
                        new Victims(1, 0, 0, 0)).record(),
                Cases.filed("d", "mopti", "2019-01-01", OffenceCategory.RAPE, AccusedAffiliation.STATE_FORCES,
                        new Victims(5, 0, 0, 0)).record(),
                Cases.filed("e", T, "2020-07-01", OffenceCategory.RAPE, AccusedAffiliation.STATE_FORCES,
                        new Victims(5, 0, 0, 0)).record());
        TribunalCaseload caseload = calculator.caseload(T, records, day("2019-06-04"), day("2020-06-03"));
        PendingBreakdowns pendingBy = caseload.pendingBy();

        assertThat(counts(pendingBy.offence())).as("every category, in enum order").containsExactly(
                Map.entry("RAPE", 2), Map.entry("SEXUAL_SLAVERY", 1), Map.entry("FORCED_MARRIAGE", 0),
                Map.entry("FORCED_PREGNANCY", 0), Map.entry("SEXUAL_MUTILATION", 0),
                Map.entry("FORCED_PROSTITUTION", 0), Map.entry("OTHER_SEXUAL_VIOLENCE", 0));
        assertThat(pendingBy.offence().total()).isEqualTo(caseload.pending()).isEqualTo(3);
        assertThat(counts(pendingBy.accused())).containsExactly(Map.entry("STATE_FORCES", 1),
                Map.entry("NON_STATE_ARMED_GROUP", 1), Map.entry("UNIDENTIFIED", 1));
        assertThat(pendingBy.accused().total()).isEqualTo(3);
        assertThat(counts(pendingBy.victimGroup())).as("persons, not cases").containsExactly(
                Map.entry("women", 3), Map.entry("girls", 1), Map.entry("men", 1), Map.entry("boys", 1));
        assertThat(pendingBy.victimGroup().total()).isEqualTo(6);
        assertThat(caseload.smallCells()).isEqualTo(TribunalCaseload.SmallCellControl.EXACT);
    }

    @Test
    void aCaseTransferredAwayIsCountedOnlyWhereItIsNowPending() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01", OffenceCategory.FORCED_MARRIAGE, AccusedAffiliation.STATE_FORCES,
                        new Victims(0, 2, 0, 0)).transferred("2019-05-01", T, "gao").record(),
                Cases.filed("b", T, "2019-01-01").record());
        PendingBreakdowns here = calculator.caseload(T, records, day("2019-06-04"), day("2020-06-03")).pendingBy();
        assertThat(counts(here.offence())).containsEntry("FORCED_MARRIAGE", 0).containsEntry("RAPE", 1);
        assertThat(counts(here.accused())).containsEntry("STATE_FORCES", 0);
        assertThat(counts(here.victimGroup())).containsEntry("girls", 0).containsEntry("women", 1);
        PendingBreakdowns gao = calculator.caseload("gao", records, day("2019-06-04"), day("2020-06-03")).pendingBy();
        assertThat(counts(gao.offence())).containsEntry("FORCED_MARRIAGE", 1);
        assertThat(gao.victimGroup().total()).isEqualTo(2);
    }

    @Test
    void aDisposedCaseIsNotCountedUnlessItIsDisposedOfAfterTheDay() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", T, "2019-01-01", OffenceCategory.SEXUAL_MUTILATION, AccusedAffiliation.STATE_FORCES,
                        new Victims(0, 0, 0, 4)).dismissed("2019-03-01").record(),
                Cases.filed("b", T, "2019-01-01", OffenceCategory.RAPE, AccusedAffiliation.UNIDENTIFIED,
                        new Victims(1, 0, 0, 0)).withdrawn("2020-06-04").record());
        PendingBreakdowns pendingBy = calculator.caseload(T, records, day("2019-06-04"), day("2020-06-03"))
                                                .pendingBy();
        assertThat(counts(pendingBy.offence())).containsEntry("SEXUAL_MUTILATION", 0).containsEntry("RAPE", 1);
        assertThat(counts(pendingBy.accused())).containsEntry("STATE_FORCES", 0).containsEntry("UNIDENTIFIED", 1);
        assertThat(counts(pendingBy.victimGroup())).containsEntry("boys", 0);
        assertThat(pendingBy.offence().total()).isEqualTo(1);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> calculator.caseload(T, List.of(), day("2020-01-02"), day("2020-01-01")));
    }

    @Test
    void percentagesAreRoundedToOneDecimalAndNullWithoutAWhole() {
        assertThat(CaseloadCalculator.percent(1, 3)).isEqualTo(33.3);
        assertThat(CaseloadCalculator.percent(2, 3)).isEqualTo(66.7);
        assertThat(CaseloadCalculator.percent(0, 0)).isNull();
        assertThat(CaseloadCalculator.band(0)).isEqualTo("0-90");
        assertThat(CaseloadCalculator.band(731)).isEqualTo(">730");
    }

    /** The published counts of a table, in its order. */
    private static Map<String, Integer> counts(Breakdown breakdown) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        breakdown.cells().forEach((category, cell) -> counts.put(category, cell.count()));
        return counts;
    }
}
