package org.greffe.measures.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model on dockets small enough to work out by hand. */
class BacklogForecastTest {

    private static final LocalDate AS_OF = LocalDate.of(2020, 5, 31);
    private final BacklogForecast model = new BacklogForecast();

    @Test
    void aConstantFlowGivesTheObviousLine() {
        // 100 young cases, 2 in and 5 out every month: three fewer a month, on every path.
        ForecastInput input = input(cases(100, 10, 365, AS_OF.minusDays(10)), basis(12, 2, 5), 0);
        Forecast forecast = model.run(input, Scenario.CURRENT_PACE, 12, 200, 1);
        for (int k = 1; k <= 12; k++) {
            Forecast.Range pending = forecast.months().get(k - 1).pending();
            assertThat(pending).isEqualTo(new Forecast.Range(100 - 3 * k, 100 - 3 * k, 100 - 3 * k));
        }
        assertThat(forecast.months().get(0).month()).isEqualTo(YearMonth.of(2020, 6));
        assertThat(forecast.assumptions().incomingPerMonth()).isEqualTo(2.0);
        assertThat(forecast.assumptions().outgoingPerMonth()).isEqualTo(5.0);
        assertThat(forecast.assumptions().incomingSpread()).isZero();
        assertThat(forecast.assumptions().basisFrom()).isEqualTo(YearMonth.of(2019, 6));
        assertThat(forecast.assumptions().basisTo()).isEqualTo(YearMonth.of(2020, 5));
    }

    @Test
    void casesCrossTheirStandardInTheMonthTheirAgePassesIt() {
        // 10 cases aged 300 days on 31 May, standard 365: beyond once 66 days have passed, on 5 August; at the end of
        // July they are 361 days old, at the end of August 392.
        ForecastInput input = input(cases(10, 300, 365, AS_OF.minusDays(300)), basis(6, 0, 0), 0);
        Forecast forecast = model.run(input, Scenario.CURRENT_PACE, 4, 50, 1);
        assertThat(forecast.months()).extracting(month -> month.backlog().p50()).containsExactly(0, 0, 10, 10);
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.NO_BACKLOG);
    }

    @Test
    void noDispositionNeverClears() {
        ForecastInput input = input(cases(115, 500, 365, AS_OF.minusDays(500)), basis(24, 1, 0), 0);
        Forecast forecast = model.run(input, Scenario.CURRENT_PACE, 24, 100, 7);
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.NEVER_AT_CURRENT_PACE);
        assertThat(forecast.clearance().p50Months()).isNull();
        assertThat(forecast.clearance().summary()).contains("never clears").contains("115 cases");
        // One new case a month, each beyond the standard a year after it came: those of the first 12 months.
        assertThat(forecast.months().get(23).backlog().p50()).isEqualTo(115 + 12);
        assertThat(forecast.months().get(23).pending().p50()).isEqualTo(115 + 24);
    }

    @Test
    void twoTrialDispositionsAMonthClearAStillBacklogInItsSizeOverTwo() {
        // 115 cases beyond the standard, none in, none out: two extra a month take 58 months.
        ForecastInput input = input(cases(115, 500, 365, AS_OF.minusDays(500)), basis(24, 0, 0), 0);
        Forecast forecast = model.run(input, new Scenario(2, 0, DisposalOrder.FIFO), 120, 100, 7);
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.CLEARED);
        assertThat(forecast.clearance().p50Months()).isEqualTo(58);
        assertThat(forecast.clearance().p50()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(forecast.months().get(0).pending().p50()).isEqualTo(113);
    }

    @Test
    void aHistoryOfNothingIsAnsweredWithoutDividingByZero() {
        Forecast forecast = model.run(input(List.of(), List.of(), 0), Scenario.CURRENT_PACE, 6, 10, 1);
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.NO_BACKLOG);
        assertThat(forecast.months()).allSatisfy(month -> {
            assertThat(month.pending().p90()).isZero();
            assertThat(month.backlog().p90()).isZero();
        });
        assertThat(forecast.assumptions().basisFrom()).isNull();
        assertThat(forecast.assumptions().outgoingPerMonth()).isZero();
    }

    @Test
    void oldestFirstClearsTheBacklogBeforeFirstInFirstOutOfTheSameCapacity() {
        // 20 cases that came first but are young (reopened), then 10 transferred in long past their standard.
        List<ForecastInput.PendingCase> pending = new ArrayList<>(cases(20, 30, 365, LocalDate.of(2018, 1, 1)));
        pending.addAll(cases(10, 900, 365, LocalDate.of(2020, 3, 1)));
        ForecastInput input = input(pending, basis(12, 0, 5), 0);
        Forecast fifo = model.run(input, Scenario.CURRENT_PACE, 24, 100, 3);
        Forecast oldest = model.run(input, new Scenario(0, 0, DisposalOrder.OLDEST_FIRST), 24, 100, 3);
        assertThat(oldest.clearance().p50Months()).isEqualTo(2);
        assertThat(fifo.clearance().p50Months()).isEqualTo(6);
        assertThat(oldest.months().get(0).pending()).isEqualTo(fifo.months().get(0).pending());
    }

    @Test
    void neverTriedCasesAreTriedAtTheBasisRate() {
        // Every case is tried in its first month at a rate of 1, none at a rate of 0.
        ForecastInput input = input(cases(40, 10, 365, AS_OF), basis(12, 0, 0), 1.0);
        assertThat(model.run(input, Scenario.CURRENT_PACE, 3, 20, 1).months().get(0).neverTried().p90()).isZero();
        ForecastInput never = input(cases(40, 10, 365, AS_OF), basis(12, 0, 0), 0);
        assertThat(model.run(never, Scenario.CURRENT_PACE, 3, 20, 1).months().get(2).neverTried().p10()).isEqualTo(40);
    }

    @Test
    void aSuspendedCaseIsHeldAsItIs() {
        List<ForecastInput.PendingCase> pending = List.of(
                new ForecastInput.PendingCase(AS_OF.minusDays(900), 900, 365, true, true),
                new ForecastInput.PendingCase(AS_OF.minusDays(10), 10, 365, true, false));
        Forecast forecast = model.run(input(pending, basis(3, 0, 5), 0), Scenario.CURRENT_PACE, 2, 10, 1);
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.NO_BACKLOG);
        assertThat(forecast.months().get(1).pending().p50()).isEqualTo(1);
        assertThat(forecast.months().get(1).neverTried().p50()).isEqualTo(1);
    }

    @Test
    void aForecastFromTheMiddleOfAMonthTakesThatMonthsRestFirst() {
        LocalDate mid = LocalDate.of(2020, 6, 15);
        ForecastInput input = input(mid, cases(100, 10, 365, mid), basis(12, 0, 30), 0);
        Forecast forecast = model.run(input, Scenario.CURRENT_PACE, 2, 100, 1);
        assertThat(forecast.months().get(0).month()).isEqualTo(YearMonth.of(2020, 6));
        assertThat(forecast.months().get(0).pending().p50()).isEqualTo(100 - 15);
        assertThat(forecast.months().get(1).pending().p50()).isEqualTo(100 - 15 - 30);
    }

    @Test
    void aPartFirstMonthGivesEachCaseTheChanceOfATrialOverTheDaysLeft() {
        // Half of June is left: at a monthly rate of one half, a case stays untried with a chance of 0.5^0.5 = 0.707.
        LocalDate mid = LocalDate.of(2020, 6, 15);
        ForecastInput input = input(mid, cases(1000, 10, 365, mid), basis(12, 0, 0), 0.5);
        Forecast forecast = model.run(input, Scenario.CURRENT_PACE, 2, 200, 1);
        assertThat(forecast.months().get(0).neverTried().p50()).isBetween(690, 725);
        assertThat(forecast.months().get(1).neverTried().p50()).isBetween(335, 372);
    }

    @Test
    void theOrderTheCasesAreReadInDoesNotChangeTheForecast() {
        // Cases that came on the same day at the same age, with different standards: only a total order on what the
        // queue keeps makes first-in-first-out the same whatever order the database returned them in.
        List<ForecastInput.PendingCase> pending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pending.add(new ForecastInput.PendingCase(LocalDate.of(2019, 1, 10), 400, i % 2 == 0 ? 365 : 730,
                    i % 3 == 0, false));
        }
        List<ForecastInput.PendingCase> reversed = new ArrayList<>(pending);
        java.util.Collections.reverse(reversed);
        List<ForecastInput.PendingCase> shuffled = new ArrayList<>(pending);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        Scenario scenario = new Scenario(2, 0, DisposalOrder.FIFO);
        Forecast original = model.run(input(pending, varied(12), 0.05), scenario, 24, 100, 5);
        assertThat(model.run(input(reversed, varied(12), 0.05), scenario, 24, 100, 5)).isEqualTo(original);
        assertThat(model.run(input(shuffled, varied(12), 0.05), scenario, 24, 100, 5)).isEqualTo(original);
    }

    @Test
    void binomialDrawsHaveTheBinomialsMeanAndSpread() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int draws = 20_000;
        for (double[] np : new double[][] {{10, 0.3}, {100, 0.05}, {1000, 0.7}, {2048, 0.5}, {5000, 0.001}}) {
            int n = (int) np[0];
            double p = np[1];
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                int drawn = BacklogForecast.binomial(random, n, p);
                assertThat(drawn).isBetween(0, n);
                sum += drawn;
                squares += (double) drawn * drawn;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double expected = n * p * (1 - p);
            assertThat(Math.abs(mean - n * p)).as("mean of B(%d, %s)", n, p)
                    .isLessThan(4 * Math.sqrt(expected / draws));
            assertThat(variance).as("variance of B(%d, %s)", n, p).isBetween(0.93 * expected, 1.07 * expected);
        }
        assertThat(BacklogForecast.binomial(random, 2000, 1e-300)).isZero();
        assertThat(BacklogForecast.binomial(random, 2000, 1 - 1e-16)).isEqualTo(2000);
    }

    @Test
    void theSameInputsAndSeedGiveTheSameForecast() {
        ForecastInput input = input(cases(60, 200, 365, AS_OF.minusDays(200)), varied(24), 0.05);
        Scenario scenario = new Scenario(1, 10, DisposalOrder.OLDEST_FIRST);
        assertThat(model.run(input, scenario, 36, 300, 42)).isEqualTo(model.run(input, scenario, 36, 300, 42));
        assertThat(model.run(input, scenario, 36, 300, 42)).isNotEqualTo(model.run(input, scenario, 36, 300, 43));
    }

    @Test
    void aLongerHorizonExtendsAShorterOne() {
        ForecastInput input = input(cases(60, 200, 365, AS_OF.minusDays(200)), varied(24), 0.05);
        Scenario scenario = new Scenario(1, 0, DisposalOrder.FIFO);
        assertThat(model.run(input, scenario, 120, 300, 42).months().subList(0, 24))
                .isEqualTo(model.run(input, scenario, 24, 300, 42).months());
    }

    @Test
    void outOfRangeSettingsAreRefusedInOneSentence() {
        ForecastInput input = input(List.of(), List.of(), 0);
        assertThatThrownBy(() -> model.run(input, Scenario.CURRENT_PACE, 121, 10, 1))
                .hasMessage("months must be between 1 and 120 (got 121)");
        assertThatThrownBy(() -> new Scenario(-1, 0, DisposalOrder.FIFO))
                .hasMessage("extraDispositions must be between 0 and 10000 a month (got -1)");
        assertThatThrownBy(() -> new Scenario(0, -101, DisposalOrder.FIFO))
                .hasMessage("filingChange must be between -100 and 1000 percent (got -101)");
    }

    static List<ForecastInput.PendingCase> cases(int count, long age, int standard, LocalDate arrivedOn) {
        List<ForecastInput.PendingCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new ForecastInput.PendingCase(arrivedOn, age, standard, true, false));
        }
        return cases;
    }

    static List<ForecastInput.BasisMonth> basis(int months, int in, int out) {
        List<ForecastInput.BasisMonth> basis = new ArrayList<>();
        for (int i = months; i >= 1; i--) {
            basis.add(new ForecastInput.BasisMonth(YearMonth.from(AS_OF).minusMonths(i - 1L), in, out, 0, 0, 0));
        }
        return basis;
    }

    /** Months whose flows go up and down, from 0 to 6. */
    static List<ForecastInput.BasisMonth> varied(int months) {
        List<ForecastInput.BasisMonth> basis = new ArrayList<>();
        for (int i = months; i >= 1; i--) {
            basis.add(new ForecastInput.BasisMonth(YearMonth.from(AS_OF).minusMonths(i - 1L), (i * 5) % 7,
                    (i * 3) % 5, 0, 0, 0));
        }
        return basis;
    }

    static ForecastInput input(List<ForecastInput.PendingCase> pending, List<ForecastInput.BasisMonth> basis,
                               double trialRate) {
        return input(AS_OF, pending, basis, trialRate);
    }

    static ForecastInput input(LocalDate asOf, List<ForecastInput.PendingCase> pending,
                               List<ForecastInput.BasisMonth> basis, double trialRate) {
        return new ForecastInput(asOf, pending, basis, trialRate, Map.of(), 365, true);
    }
}
