package org.greffe.measures;

import org.greffe.measures.forecast.BacklogForecast;
import org.greffe.measures.forecast.Forecast;
import org.greffe.measures.forecast.ForecastInput;
import org.greffe.measures.forecast.ForecastInputs;
import org.greffe.measures.forecast.Scenario;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two starting points of a forecast: the exact records, and a published release alone. */
class ForecastInputsTest {

    private static final TimeStandards YEAR = TimeStandards.uniform(365);

    @Test
    void theExactStartCountsTheTribunalsMonthsAndCases() {
        List<CaseRecord> records = List.of(
                Cases.filed("a", "T", "2019-01-10").record(),
                Cases.filed("b", "T", "2020-03-05").trialSet("2020-04-01").held("2020-04-01").record(),
                Cases.filed("c", "T", "2020-03-20").judged("2020-05-02").record(),
                Cases.filed("d", "T", "2019-06-01").transferred("2020-04-10", "T", "U").record(),
                Cases.filed("e", "U", "2018-01-01").transferred("2020-05-10", "U", "T").record(),
                Cases.filed("f", "T", "2020-01-01").suspended("2020-02-01").record());
        ForecastInput input = ForecastInputs.fromRecords("T", records, LocalDate.of(2020, 5, 20), 3, YEAR);
        // 20 May is not a month's end: the basis ends with April.
        assertThat(input.basis()).extracting(ForecastInput.BasisMonth::month)
                                 .containsExactly(YearMonth.of(2020, 2), YearMonth.of(2020, 3), YearMonth.of(2020, 4));
        assertThat(input.basis()).extracting(ForecastInput.BasisMonth::incoming).containsExactly(0, 2, 0);
        assertThat(input.basis()).extracting(ForecastInput.BasisMonth::outgoing).containsExactly(0, 0, 1);
        ForecastInput.BasisMonth april = input.basis().get(2);
        // a, b, c, f pending at the end of April; b tried; a beyond its year (filed January 2019).
        assertThat(april.pending()).isEqualTo(4);
        assertThat(april.neverTried()).isEqualTo(3);
        assertThat(april.backlog()).isEqualTo(1);
        // One first trial (b, April) over the never-tried active cases at the ends of the months before: a, d, f on
        // 31 January; a, d on 29 February (f suspended); a, d, b, c on 31 March.
        assertThat(input.trialRate()).isEqualTo(1.0 / 9);
        assertThat(input.incomingStandards()).containsExactly(Map.entry(365, 2));
        // On 20 May: a, b, e (transferred in on 10 May, its age runs from its filing) and f (suspended); c judged.
        assertThat(input.pending()).hasSize(4);
        assertThat(input.pending()).filteredOn(ForecastInput.PendingCase::suspended).hasSize(1);
        assertThat(input.pending()).anySatisfy(pending -> {
            assertThat(pending.arrivedOn()).isEqualTo(LocalDate.of(2020, 5, 10));
            assertThat(pending.ageDays()).isEqualTo(LocalDate.of(2018, 1, 1).until(LocalDate.of(2020, 5, 20),
                    java.time.temporal.ChronoUnit.DAYS));
        });
    }

    /** The one-pass count agrees with the plain definitions, month by month, on random dockets. */
    @Property(tries = 60)
    void theExactStartAgreesWithTheStocksAndFlowsCountedOneByOne(@ForAll long docket) {
        List<CaseRecord> records = RandomCases.records(docket, 300);
        LocalDate asOf = LocalDate.of(2017, 1, 1).plusDays(Math.floorMod(docket, 1500));
        for (String tribunal : RandomCases.TRIBUNALS) {
            ForecastInput input = ForecastInputs.fromRecords(tribunal, records, asOf, 18, YEAR);
            for (ForecastInput.BasisMonth month : input.basis()) {
                var observed = ForecastInputs.observed(tribunal, records, month.month().atEndOfMonth(), YEAR);
                assertThat(month.pending()).isEqualTo(observed.pending());
                assertThat(month.neverTried()).isEqualTo(observed.neverTried());
                assertThat(month.backlog()).isEqualTo(observed.backlog());
                assertThat(month.incoming()).isEqualTo(spells(records, tribunal, month.month(), true));
                assertThat(month.outgoing()).isEqualTo(spells(records, tribunal, month.month(), false));
            }
            var now = ForecastInputs.observed(tribunal, records, asOf, YEAR);
            assertThat(input.pending()).hasSize(now.pending());
            assertThat(input.pending()).filteredOn(pending -> pending.neverTried()).hasSize(now.neverTried());
        }
    }

    private static int spells(List<CaseRecord> records, String tribunal, YearMonth month, boolean entering) {
        return records.stream().flatMap(record -> record.spells().stream())
                      .filter(spell -> spell.tribunalId().equals(tribunal))
                      .map(spell -> entering ? spell.enteredOn() : spell.leftOn())
                      .filter(day -> day != null && YearMonth.from(day).equals(month))
                      .mapToInt(day -> 1).sum();
    }

    @Test
    void thePublishedStartUsesThePublishedCellsAlone() {
        Map<String, Integer> bands = fifteenActive();
        Map<String, Integer> offences = new LinkedHashMap<>();
        offences.put("RAPE", 12);
        offences.put("SEXUAL_SLAVERY", null);
        PublishedMonth may = new PublishedMonth(YearMonth.of(2020, 5), 16, 14, 15, 1, bands, 10, 600.0, offences,
                null, null, 20, 2, 1, null);
        PublishedMonth april = new PublishedMonth(YearMonth.of(2020, 4), 15, 13, null, null, null, null, null, null,
                null, null, null, 3, 0, null);
        PublishedFigures figures = new PublishedFigures("T", List.of(april, may), 5,
                new TribunalCaseload.Release("2020-05", LocalDate.of(2020, 6, 1), null, null));
        ForecastInput input = ForecastInputs.fromPublished(figures, YearMonth.of(2020, 5), 24, YEAR);
        assertThat(input.asOf()).isEqualTo(LocalDate.of(2020, 5, 31));
        assertThat(input.pending()).hasSize(16);
        assertThat(input.pending()).filteredOn(ForecastInput.PendingCase::suspended).hasSize(1);
        assertThat(input.pending()).filteredOn(ForecastInput.PendingCase::neverTried).hasSize(14);
        assertThat(input.basis()).hasSize(24);
        assertThat(input.basis().get(23).backlog()).isEqualTo(10);
        Forecast forecast = new BacklogForecast().run(input, Scenario.CURRENT_PACE, 1, 50, 1);
        // The published count beyond the standard is where the backlog starts.
        assertThat(forecast.clearance().summary()).contains("10 cases beyond the time standard on 2020-05-31");
    }

    @Test
    void thePublishedBacklogIsTheCountAReaderDerivesFromTheShareNeverTheNoisyCountBehindIt() {
        Map<String, Integer> bands = fifteenActive();
        Map<String, Integer> offences = Map.of("RAPE", 15);
        // April's noisy count (19) is above the 15 active: the share is capped at 100%, so a reader knows 15.
        PublishedMonth april = new PublishedMonth(YearMonth.of(2020, 4), 16, 16, 15, 1, bands, 19, 600.0, offences,
                Map.of(), Map.of(), 20, 0, 0, null);
        // May's noisy count (6) is below the 10 stand-ins older than every standard: those are beyond all the same,
        // or they would all cross in June with nothing coming in or going out.
        PublishedMonth may = new PublishedMonth(YearMonth.of(2020, 5), 16, 16, 15, 1, bands, 6, 600.0, offences,
                Map.of(), Map.of(), 20, 0, 0, null);
        PublishedFigures figures = new PublishedFigures("T", List.of(april, may), 5,
                new TribunalCaseload.Release("2020-05", LocalDate.of(2020, 6, 1), null, null));
        ForecastInput input = ForecastInputs.fromPublished(figures, YearMonth.of(2020, 5), 2, YEAR);
        for (ForecastInput.BasisMonth month : input.basis()) {
            TribunalCaseload published = figures.caseload(month.month(), month.month());
            assertThat(month.backlog()).as(month.month().toString())
                    .isEqualTo((int) Math.round(published.beyondStandard() * published.activePending() / 100.0));
        }
        assertThat(input.basis().get(0).backlog()).isEqualTo(15);
        assertThat(input.basis().get(1).backlog()).isEqualTo(6);
        Forecast forecast = new BacklogForecast().run(input, Scenario.CURRENT_PACE, 2, 50, 1);
        assertThat(forecast.clearance().summary()).contains("10 cases beyond the time standard on 2020-05-31");
        assertThat(forecast.months().get(0).backlog().p50()).isEqualTo(10);
    }

    @Test
    void thePublishedTrialRateSumsTheMonthsNoiseWithItsSign() {
        // Nothing was ever tried; the never-tried totals are exact, the flows noisy, up one month and down the next.
        PublishedMonth march = new PublishedMonth(YearMonth.of(2020, 3), 4, 4, null, null, null, null, null, null,
                null, null, null, 0, 0, null);
        PublishedMonth april = new PublishedMonth(YearMonth.of(2020, 4), 4, 4, null, null, null, null, null, null,
                null, null, null, 2, 0, null);
        PublishedMonth may = new PublishedMonth(YearMonth.of(2020, 5), 4, 4, null, null, null, null, null, null,
                null, null, null, 0, 2, null);
        PublishedFigures figures = new PublishedFigures("T", List.of(march, april, may), 5,
                new TribunalCaseload.Release("2020-05", LocalDate.of(2020, 6, 1), null, null));
        ForecastInput input = ForecastInputs.fromPublished(figures, YearMonth.of(2020, 5), 2, YEAR);
        assertThat(input.trialRate()).isZero();
    }

    @Test
    void aReleaseTooSmallToBreakDownForecastsNoBacklog() {
        PublishedMonth may = new PublishedMonth(YearMonth.of(2020, 5), 4, 4, null, null, null, null, null, null,
                null, null, null, 1, 0, null);
        PublishedFigures figures = new PublishedFigures("T", List.of(may), 5,
                new TribunalCaseload.Release("2020-05", LocalDate.of(2020, 6, 1), null, null));
        ForecastInput input = ForecastInputs.fromPublished(figures, YearMonth.of(2020, 5), 12, YEAR);
        Forecast forecast = new BacklogForecast().run(input, Scenario.CURRENT_PACE, 6, 50, 1);
        assertThat(forecast.months()).allSatisfy(month -> assertThat(month.backlog()).isNull());
        assertThat(forecast.clearance().outcome()).isEqualTo(Forecast.Outcome.NOT_FORECAST);
        assertThat(forecast.months().get(0).pending().p50()).isEqualTo(4);
    }

    @Test
    void aBasisOutOfRangeIsRefused() {
        assertThatThrownBy(() -> ForecastInputs.fromRecords("T", List.of(), LocalDate.of(2020, 1, 1), 0, YEAR))
                .hasMessage("basis must be between 1 and 120 months (got 0)");
    }

    /** Age bands of 15 active cases, 10 of them over a year old. */
    private static Map<String, Integer> fifteenActive() {
        Map<String, Integer> bands = new LinkedHashMap<>();
        bands.put("0-90", 3);
        bands.put("91-180", 0);
        bands.put("181-365", 2);
        bands.put("366-730", 6);
        bands.put(">730", 4);
        return bands;
    }
}
