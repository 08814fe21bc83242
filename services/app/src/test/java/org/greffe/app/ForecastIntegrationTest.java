package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast through HTTP on the demo docket: exact and positioned for clerks, from the latest release alone for
 * advocates, the same answer to the same question, scenarios that change it, and bad settings refused in a sentence.
 */
class ForecastIntegrationTest extends DemoDocketIntegrationTest {

    private static final String COMMUNE_III = "/api/caseload/bamako-commune-iii";
    private final String[] clerk = basic("clerk", "clerk");
    private final String[] advocate = basic("advocate", "advocate");

    @BeforeEach
    void projected() {
        awaitProjection();
    }

    @Test
    void aClerkGetsTheExactForecastOfTheDayAskedFor() {
        Response answer = get(COMMUNE_III + "/forecast?asOf=2020-06-03", clerk);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode forecast = answer.json();
        assertThat(forecast.get("figures").asText()).isEqualTo("exact");
        assertThat(forecast.get("position").asLong()).isEqualTo(Long.parseLong(answer.header("Greffe-Log-Position")));
        assertThat(forecast.get("asOf").asText()).isEqualTo("2020-06-03");
        assertThat(forecast.get("months")).hasSize(24);
        assertThat(forecast.get("months").get(0).get("month").asText()).isEqualTo("2020-06");
        JsonNode history = forecast.get("history");
        assertThat(history).hasSize(24);
        assertThat(history.get(23).get("month").asText()).isEqualTo("2020-05");
        // The history's last month is the caseload's own figure for its last day.
        JsonNode may = get(COMMUNE_III + "?to=2020-05-31", clerk).json();
        assertThat(history.get(23).get("pending").asInt()).isEqualTo(may.get("pending").asInt());
        assertThat(history.get(23).get("neverTried").asInt()).isEqualTo(may.get("neverTried").asInt());
        for (JsonNode month : forecast.get("months")) {
            for (String series : new String[]{"pending", "neverTried", "backlog"}) {
                JsonNode range = month.get(series);
                assertThat(range.get("p10").asInt()).isLessThanOrEqualTo(range.get("p50").asInt());
                assertThat(range.get("p50").asInt()).isLessThanOrEqualTo(range.get("p90").asInt());
            }
        }
        JsonNode assumptions = forecast.get("assumptions");
        assertThat(assumptions.get("basisFrom").asText()).isEqualTo("2018-06");
        assertThat(assumptions.get("basisTo").asText()).isEqualTo("2020-05");
        assertThat(assumptions.get("paths").asInt()).isEqualTo(1000);
        assertThat(forecast.get("clearance").get("summary").asText()).isNotBlank();
    }

    @Test
    void theSameQuestionGetsTheSameAnswerAndAScenarioChangesIt() {
        String path = COMMUNE_III + "/forecast?asOf=2020-06-03&months=120";
        String first = get(path, clerk).text();
        assertThat(get(path, clerk).text()).isEqualTo(first);
        JsonNode pace = get(path, clerk).json();
        // Commune III took in 2.4 cases a month and let 0.2 go: two more a month do not keep up with the filings.
        JsonNode twoMore = get(path + "&extraDispositions=2", clerk).json();
        assertThat(twoMore.get("assumptions").get("extraDispositions").asInt()).isEqualTo(2);
        assertThat(backlog(twoMore, 24)).isLessThan(backlog(pace, 24));
        assertThat(twoMore.get("clearance").get("outcome").asText()).isEqualTo("NOT_WITHIN_HORIZON");
        JsonNode fiveMore = get(path + "&extraDispositions=5", clerk).json();
        assertThat(fiveMore.get("clearance").get("outcome").asText()).isEqualTo("CLEARED");
        assertThat(fiveMore.get("clearance").get("p50Months").asInt()).isPositive();
        JsonNode oldestFirst = get(path + "&extraDispositions=5&order=oldest-first", clerk).json();
        assertThat(oldestFirst.get("clearance").get("p50Months").asInt())
                .isLessThanOrEqualTo(fiveMore.get("clearance").get("p50Months").asInt());
        JsonNode fewerFilings = get(path + "&extraDispositions=5&filingChange=-50", clerk).json();
        assertThat(fewerFilings.get("assumptions").get("scenarioIncoming").asDouble()).isEqualTo(1.2);
        assertThat(fewerFilings.get("clearance").get("p50Months").asInt())
                .isLessThanOrEqualTo(fiveMore.get("clearance").get("p50Months").asInt());
    }

    @Test
    void anAdvocateGetsAForecastFromTheLatestReleaseAlone() {
        awaitRelease(advocate);
        Response answer = get(COMMUNE_III + "/forecast?extraDispositions=2", advocate);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Greffe-Log-Position")).isNull();
        assertThat(answer.header("Greffe-Release")).isNotNull();
        JsonNode forecast = answer.json();
        assertThat(forecast.get("figures").asText()).isEqualTo("published");
        assertThat(forecast.get("release").asText()).isEqualTo(answer.header("Greffe-Release"));
        assertThat(forecast.get("position").isNull()).isTrue();
        // It starts where the release ends, from the release's exact total.
        JsonNode released = get(COMMUNE_III + "/timeline", advocate).json();
        JsonNode lastReleased = released.get(released.size() - 1);
        JsonNode history = forecast.get("history");
        assertThat(history.get(history.size() - 1).get("month").asText()).isEqualTo(lastReleased.get("month")
                                                                                                .asText());
        assertThat(history.get(history.size() - 1).get("pending").asInt())
                .isEqualTo(lastReleased.get("pendingEnd").asInt());
        // A clerk asking for the published view gets the very same forecast.
        assertThat(get(COMMUNE_III + "/forecast?extraDispositions=2&view=published", clerk).text())
                .isEqualTo(answer.text());
        Response asOf = get(COMMUNE_III + "/forecast?asOf=2020-06-03", advocate);
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.json().get("detail").asText()).startsWith("asOf is for clerks and auditors");
    }

    @Test
    void everyFigureOfAnAdvocatesForecastHistoryIsOneTheReleasePublishes() {
        // The attacker compares the forecast's past months with what the release publishes for the same months: a
        // count the release does not show (the noisy count beyond the standard behind its share) must not appear.
        awaitRelease(advocate);
        JsonNode history = get(COMMUNE_III + "/forecast?basis=120", advocate).json().get("history");
        assertThat(history.size()).isEqualTo(120);
        int compared = 0;
        for (JsonNode month : history) {
            java.time.YearMonth yearMonth = java.time.YearMonth.parse(month.get("month").asText());
            JsonNode published = get(COMMUNE_III + "?from=" + yearMonth.atDay(1) + "&to=" + yearMonth.atEndOfMonth(),
                    advocate).json();
            assertThat(month.get("pending").asInt()).as(yearMonth.toString())
                    .isEqualTo(published.get("pending").asInt());
            assertThat(month.get("neverTried").asInt()).isEqualTo(published.get("neverTried").asInt());
            assertThat(month.get("incoming").asInt()).isEqualTo(published.at("/measures/incoming").asInt());
            assertThat(month.get("outgoing").asInt()).isEqualTo(published.at("/measures/outgoing").asInt());
            JsonNode share = published.get("beyondStandard");
            if (share.isNull()) {
                assertThat(month.get("backlog").isNull()).as(yearMonth.toString()).isTrue();
            } else {
                assertThat(month.get("backlog").asInt()).as(yearMonth.toString())
                        .isEqualTo((int) Math.round(share.asDouble() * published.get("activePending").asInt() / 100));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(120);
    }

    @Test
    void badSettingsAreRefusedInOneSentence() {
        assertThat(problem("months=0")).isEqualTo("months must be a whole number from 1 to 120 (got '0')");
        assertThat(problem("basis=ten")).isEqualTo("basis must be a whole number from 1 to 120 (got 'ten')");
        assertThat(problem("extraDispositions=-1"))
                .isEqualTo("extraDispositions must be a whole number from 0 to 10000 (got '-1')");
        assertThat(problem("filingChange=-150"))
                .isEqualTo("filingChange must be a whole number from -100 to 1000 (got '-150')");
        assertThat(problem("order=random")).isEqualTo("order must be 'fifo' or 'oldest-first' (got 'random')");
        assertThat(problem("asOf=2020-13-01")).contains("asOf");
        assertThat(get("/api/caseload/nowhere/forecast", clerk).status()).isEqualTo(404);
    }

    private static int backlog(JsonNode forecast, int month) {
        return forecast.get("months").get(month - 1).get("backlog").get("p50").asInt();
    }

    private String problem(String query) {
        Response answer = get(COMMUNE_III + "/forecast?" + query, clerk);
        assertThat(answer.status()).isEqualTo(400);
        return answer.json().get("detail").asText();
    }
}
