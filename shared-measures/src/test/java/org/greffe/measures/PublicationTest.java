package org.greffe.measures;

import org.greffe.events.OffenceCategory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.measures.MonthCells.Tables;

/** What a month looks like once published: exact totals, perturbed counts, hidden small cells. */
class PublicationTest {

    private static final TimeStandards STANDARDS = new TimeStandards(365, Map.of());
    private static final CellKey KEYS = new CellKey("a publication test's own secret".getBytes(StandardCharsets.UTF_8));
    private static final Publication PUBLICATION = new Publication(KEYS, 5);

    @Test
    void totalsStayExactAndEveryOtherCountIsWithinTheNoiseBound() {
        List<CaseRecord> records = RandomCases.records(11, 600);
        for (MonthCells month : months(records, "t1")) {
            PublishedMonth published = PUBLICATION.publish(month);
            assertThat(published.pending()).isEqualTo(month.pending());
            assertThat(published.neverTried()).isEqualTo(month.neverTried());
            int outgoing = month.table(Tables.OUTGOING).values().stream().mapToInt(Integer::intValue).sum();
            assertWithinBound(List.of(outgoing), List.of(published.outgoing()));
            assertWithinBound(month.table(Tables.INCOMING).values(), List.of(published.incoming()));
            assertThat(published.brokenDown()).as("%s", month.month())
                                              .isEqualTo(month.pending() >= PUBLICATION.minimumPopulation());
            if (published.brokenDown()) {
                assertThat(published.activePending()).isEqualTo(published.ageBands().values().stream()
                                                                          .mapToInt(Integer::intValue).sum());
                assertWithinBound(month.table(Tables.AGE).values(), List.copyOf(published.ageBands().values()));
                assertWithinBound(month.table(Tables.SUSPENDED).values(), List.of(published.suspended()));
            }
        }
    }

    @Test
    void aBreakdownShowsNoCountBelowTheThresholdAndNeverExactlyOneHiddenCell() {
        List<CaseRecord> records = RandomCases.records(13, 600);
        int hiddenTables = 0;
        for (String tribunal : RandomCases.TRIBUNALS) {
            for (MonthCells month : months(records, tribunal)) {
                PublishedMonth published = PUBLICATION.publish(month);
                if (!published.brokenDown()) {
                    continue;
                }
                PublishedMonth.StallCells stalls = published.stalls();
                for (Map<String, Integer> table : List.of(published.offence(), published.accused(),
                        published.victimGroup(), stalls.latestHearing(), stalls.suspensionReason(),
                        stalls.inactivity(), stalls.reportingDelay())) {
                    long hidden = table.values().stream().filter(Objects::isNull).count();
                    assertThat(hidden).as("%s %s %s", tribunal, month.month(), table).isNotEqualTo(1);
                    hiddenTables += hidden > 0 ? 1 : 0;
                    table.values().stream().filter(Objects::nonNull)
                         .forEach(count -> assertThat(count).isGreaterThanOrEqualTo(5));
                }
            }
        }
        assertThat(hiddenTables).as("the dockets have small cells to hide").isPositive();
    }

    @Test
    void zerosAreHiddenLikeSmallCountsSoNoneAndAFewLookTheSame() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(Cases.filed("r" + i, "t1", "2019-01-10").record());
        }
        PublishedMonth published = PUBLICATION.publish(months(records, "t1").get(0));
        assertThat(published.offence().get("RAPE")).isBetween(20, 60);
        assertThat(published.offence().get("FORCED_PREGNANCY")).as("a zero").isNull();
        assertThat(published.offence().get("SEXUAL_SLAVERY")).as("a zero").isNull();
    }

    @Test
    void theSameMonthIsAlwaysPublishedTheSame() {
        List<CaseRecord> records = RandomCases.records(17, 300);
        List<MonthCells> months = months(records, "t2");
        for (MonthCells month : months) {
            assertThat(PUBLICATION.publish(month)).isEqualTo(PUBLICATION.publish(month));
        }
        assertThat(months(records, "t2")).extracting(PUBLICATION::publish)
                                         .isEqualTo(months.stream().map(PUBLICATION::publish).toList());
    }

    /**
     * The change a new case makes cannot be seen in the one cell it went to: every cell of the table gets new
     * noise, so the cells it did not go to change just as often.
     */
    @Test
    void aNewCaseChangesTheNoiseOfEveryCellOfItsTablesNotOnlyItsOwn() {
        int untouchedChanged = 0;
        int untouched = 0;
        for (int trial = 0; trial < 200; trial++) {
            List<CaseRecord> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                records.add(Cases.filed(trial + "r" + i, "t1", "2019-01-10").record());
                records.add(Cases.filed(trial + "s" + i, "t1", "2019-01-10", OffenceCategory.SEXUAL_SLAVERY)
                                 .record());
            }
            PublishedMonth before = PUBLICATION.publish(months(records, "t1").get(0));
            records.add(Cases.filed(trial + "new", "t1", "2019-01-20").record());
            PublishedMonth after = PUBLICATION.publish(months(records, "t1").get(0));
            untouched++;
            untouchedChanged += before.offence().get("SEXUAL_SLAVERY").equals(after.offence().get("SEXUAL_SLAVERY"))
                    ? 0 : 1;
        }
        assertThat(untouchedChanged / (double) untouched).as("share of untouched cells whose count changed")
                                                         .isGreaterThan(0.6);
    }

    /**
     * A noisy count keeps zero at zero, so a published count says its cell holds a case; with one pending case, that
     * would say which cell. Below twice the threshold, only the exact totals are published.
     */
    @Test
    void aMonthWithFewerThanTwiceTheThresholdPendingIsNotBrokenDown() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            records.add(Cases.filed("few" + i, "t1", "2019-01-10").suspended("2019-01-20").record());
        }
        PublishedMonth nine = PUBLICATION.publish(months(records, "t1").get(0));
        assertThat(nine.pending()).isEqualTo(9);
        assertThat(nine.brokenDown()).isFalse();
        assertThat(nine.suspended()).isNull();
        assertThat(nine.activePending()).isNull();
        assertThat(nine.offence()).isNull();
        assertThat(nine.victims()).isNull();
        assertThat(nine.incoming()).as("flows are still published").isPositive();
        records.add(Cases.filed("tenth", "t1", "2019-01-11").record());
        assertThat(PUBLICATION.publish(months(records, "t1").get(0)).brokenDown()).isTrue();
    }

    @Test
    void noThresholdBreaksDownFewerCasesThanATableHasCells() {
        for (int threshold = 1; threshold <= 6; threshold++) {
            assertThat(new Publication(KEYS, threshold).minimumPopulation()).as("k = %d", threshold)
                                                                          .isGreaterThanOrEqualTo(Math.max(10,
                                                                                  2 * threshold));
        }
    }

    @Test
    void theMedianIsRoundedTo30DaysAndOnlyPublishedWithEnoughActiveCases() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(Cases.filed("few" + i, "t1", "2019-01-10").suspended("2019-01-12").record());
        }
        records.add(Cases.filed("active", "t1", "2019-01-10").record());
        PublishedMonth fewActive = PUBLICATION.publish(months(records, "t1").get(0));
        assertThat(fewActive.brokenDown()).isTrue();
        assertThat(fewActive.medianAgeDays()).as("one active case").isNull();
        for (int i = 0; i < 30; i++) {
            records.add(Cases.filed("many" + i, "t1", "2018-11-02").record());
        }
        MonthCells january = months(records, "t1").get(2);
        assertThat(january.month()).isEqualTo(YearMonth.of(2019, 1));
        assertThat(january.medianAgeDays()).as("2018-11-02 to 2019-01-31").isEqualTo(90.0);
        assertThat(PUBLICATION.publish(january).medianAgeDays()).isEqualTo(90.0);
        MonthCells december = months(records, "t1").get(1);
        assertThat(december.medianAgeDays()).isEqualTo(59.0);
        assertThat(PUBLICATION.publish(december).medianAgeDays()).isEqualTo(60.0);
    }

    private static List<MonthCells> months(List<CaseRecord> records, String tribunal) {
        YearMonth first = MonthlyCaseload.firstMonth(tribunal, records).orElseThrow();
        return new MonthlyCaseload(STANDARDS).months(tribunal, records, first, first.plusMonths(30), KEYS);
    }

    private static void assertWithinBound(List<Integer> exact, List<Integer> published) {
        for (int i = 0; i < exact.size(); i++) {
            if (exact.get(i) == 0) {
                assertThat(published.get(i)).isZero();
            } else {
                assertThat(published.get(i)).isBetween(Math.max(0, exact.get(i) - CellKey.MAX_NOISE),
                        exact.get(i) + CellKey.MAX_NOISE);
            }
        }
    }
}
