package org.greffe.measures.forecast;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold of any forecast, on random dockets, histories and scenarios. */
class BacklogForecastPropertyTest {

    private final BacklogForecast model = new BacklogForecast();

    @Property(tries = 150)
    void everyRangeHoldsItsCentralValue(@ForAll long docket, @ForAll @IntRange(max = 20) int extra,
                                        @ForAll @IntRange(min = -100, max = 200) int filingChange,
                                        @ForAll boolean oldestFirst) {
        Scenario scenario = new Scenario(extra, filingChange, oldestFirst ? DisposalOrder.OLDEST_FIRST
                : DisposalOrder.FIFO);
        Forecast forecast = model.run(randomInput(docket), scenario, 36, 200, docket);
        assertThat(forecast.months()).hasSize(36).allSatisfy(month -> {
            for (Forecast.Range range : List.of(month.pending(), month.neverTried(), month.backlog())) {
                assertThat(range.p10()).isNotNegative().isLessThanOrEqualTo(range.p50());
                assertThat(range.p50()).isLessThanOrEqualTo(range.p90());
            }
            assertThat(month.neverTried().p90()).isLessThanOrEqualTo(month.pending().p90());
            assertThat(month.backlog().p90()).isLessThanOrEqualTo(month.pending().p90());
        });
        Forecast.Clearance clearance = forecast.clearance();
        if (clearance.p50Months() != null) {
            assertThat(clearance.p10Months()).isLessThanOrEqualTo(clearance.p50Months());
            assertThat(clearance.p90Months() == null || clearance.p50Months() <= clearance.p90Months()).isTrue();
        }
    }

    @Property(tries = 150)
    void moreCapacityNeverClearsLater(@ForAll long docket, @ForAll @IntRange(max = 10) int extra,
                                      @ForAll @IntRange(min = 1, max = 10) int more, @ForAll boolean oldestFirst) {
        DisposalOrder order = oldestFirst ? DisposalOrder.OLDEST_FIRST : DisposalOrder.FIFO;
        ForecastInput input = randomInput(docket);
        Forecast less = model.run(input, new Scenario(extra, 0, order), 48, 200, docket);
        Forecast moreOf = model.run(input, new Scenario(extra + more, 0, order), 48, 200, docket);
        assertThat(months(moreOf.clearance().p50Months())).isLessThanOrEqualTo(months(less.clearance().p50Months()));
        assertThat(months(moreOf.clearance().p10Months())).isLessThanOrEqualTo(months(less.clearance().p10Months()));
        for (int k = 0; k < 48; k++) {
            Forecast.Month faster = moreOf.months().get(k);
            Forecast.Month slower = less.months().get(k);
            assertThat(faster.backlog().p50()).isLessThanOrEqualTo(slower.backlog().p50());
            assertThat(faster.pending().p90()).isLessThanOrEqualTo(slower.pending().p90());
        }
    }

    @Property(tries = 150)
    void oldestFirstNeverLeavesMoreBacklogThanFirstInFirstOut(@ForAll long docket,
                                                              @ForAll @IntRange(max = 10) int extra) {
        ForecastInput input = randomInput(docket);
        Forecast fifo = model.run(input, new Scenario(extra, 0, DisposalOrder.FIFO), 48, 200, docket);
        Forecast oldest = model.run(input, new Scenario(extra, 0, DisposalOrder.OLDEST_FIRST), 48, 200, docket);
        assertThat(months(oldest.clearance().p50Months())).isLessThanOrEqualTo(months(fifo.clearance().p50Months()));
        for (int k = 0; k < 48; k++) {
            assertThat(oldest.months().get(k).backlog().p90())
                    .isLessThanOrEqualTo(fifo.months().get(k).backlog().p90());
            assertThat(oldest.months().get(k).pending()).isEqualTo(fifo.months().get(k).pending());
        }
    }

    private static int months(Integer cleared) {
        return cleared == null ? Integer.MAX_VALUE : cleared;
    }

    /** Up to 300 pending cases of three standards and ages up to four years, and up to 36 months of varied flows. */
    static ForecastInput randomInput(long seed) {
        Random random = new Random(seed);
        LocalDate asOf = LocalDate.of(2020, 5, 31);
        int[] standards = {180, 365, 730};
        List<ForecastInput.PendingCase> pending = new ArrayList<>();
        int count = random.nextInt(300);
        for (int i = 0; i < count; i++) {
            long age = random.nextInt(1500);
            pending.add(new ForecastInput.PendingCase(asOf.minusDays(random.nextInt(1500)), age,
                    standards[random.nextInt(3)], random.nextBoolean(), random.nextInt(10) == 0));
        }
        List<ForecastInput.BasisMonth> basis = new ArrayList<>();
        int months = random.nextInt(37);
        for (int i = months; i >= 1; i--) {
            basis.add(new ForecastInput.BasisMonth(YearMonth.from(asOf).minusMonths(i - 1L), random.nextInt(15),
                    random.nextInt(15), 0, 0, null));
        }
        Map<Integer, Integer> incoming = random.nextBoolean() ? Map.of() : Map.of(180, 1, 365, 3, 730, 1);
        return new ForecastInput(asOf, pending, basis, random.nextDouble() * 0.2, incoming, 365, true);
    }
}
