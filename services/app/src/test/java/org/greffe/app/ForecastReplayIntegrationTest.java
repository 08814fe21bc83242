package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' forecasts: a past forecast re-run as the log was known then does not see a case recorded later, even
 * one dated earlier; re-run as known now it is the forecast clerks are served; and its accuracy is measured against
 * what happened.
 */
class ForecastReplayIntegrationTest extends IntegrationTest {

    /** A tribunal no other test writes to. */
    private static final String TRIBUNAL = "kati";
    private final String[] auditor = as("forecast-auditor", Role.AUDITOR);
    private final String[] clerk = as("forecast-clerk", Role.CLERK);

    @Test
    void aCaseRecordedLateDoesNotLeakIntoAPastForecast() {
        for (int i = 0; i < 6; i++) {
            file("2019-0" + (i + 1) + "-10");
        }
        Instant known = Instant.now();
        awaitUntil("the clock moves past the instant known", java.time.Duration.ofSeconds(1),
                () -> Instant.now().isAfter(known.plusMillis(1)));
        String past = "/api/audit/forecast/" + TRIBUNAL + "?asOf=2020-06-30&months=12&knownAt=" + known;
        JsonNode before = get(past, auditor).json();
        int pendingThen = last(before.get("history")).get("pending").asInt();
        assertThat(pendingThen).isGreaterThanOrEqualTo(6);

        file("2019-03-01"); // recorded now, dated in the past

        JsonNode after = get(past, auditor).json();
        assertThat(after.get("months")).isEqualTo(before.get("months"));
        assertThat(after.get("history")).isEqualTo(before.get("history"));
        assertThat(after.get("clearance")).isEqualTo(before.get("clearance"));
        assertThat(after.get("assumptions")).isEqualTo(before.get("assumptions"));
        JsonNode now = get("/api/audit/forecast/" + TRIBUNAL + "?asOf=2020-06-30&months=12", auditor).json();
        assertThat(last(now.get("history")).get("pending").asInt()).isEqualTo(pendingThen + 1);

        // Re-run as the log stands now, it is the forecast a clerk is served: same data, same seed.
        awaitProjection();
        JsonNode served = get("/api/caseload/" + TRIBUNAL + "/forecast?asOf=2020-06-30&months=12", clerk).json();
        assertThat(now.get("months")).isEqualTo(served.get("months"));
        assertThat(now.get("assumptions")).isEqualTo(served.get("assumptions"));
    }

    @Test
    void theAccuracyOfPastForecastsIsMeasuredAgainstWhatHappened() {
        file("2019-02-10");
        file("2019-04-10");
        JsonNode accuracy = get("/api/audit/forecast-accuracy/" + TRIBUNAL
                + "?to=2020-12&origins=6&horizon=3&knowledge=corrected", auditor).json();
        assertThat(accuracy.get("knowledge").asText()).isEqualTo("corrected");
        assertThat(accuracy.get("origins")).hasSize(6);
        assertThat(accuracy.get("origins").get(0).get("month").asText()).isEqualTo("2020-07");
        assertThat(accuracy.get("origins")).allSatisfy(origin -> assertThat(origin.get("forecast").asBoolean())
                .isTrue());
        assertThat(accuracy.get("horizons")).hasSize(3).allSatisfy(horizon -> {
            assertThat(horizon.get("forecasts").asInt()).isEqualTo(6);
            assertThat(horizon.get("pendingCoverage").asDouble()).isBetween(0.0, 100.0);
            assertThat(horizon.get("pendingMeanAbsoluteError").asDouble()).isNotNegative();
            assertThat(horizon.get("backlogCoverage").asDouble()).isBetween(0.0, 100.0);
        });
        assertThat(accuracy.get("note").isNull()).isTrue();

        // As recorded: nothing of this tribunal had been recorded in 2020 (the test wrote it all today).
        JsonNode recorded = get("/api/audit/forecast-accuracy/" + TRIBUNAL + "?to=2020-12&origins=6&horizon=3",
                auditor).json();
        assertThat(recorded.get("knowledge").asText()).isEqualTo("as-recorded");
        assertThat(recorded.get("origins")).allSatisfy(origin -> {
            assertThat(origin.get("forecast").asBoolean()).isFalse();
            assertThat(origin.get("eventsKnown").asLong()).isZero();
        });
        assertThat(recorded.get("horizons")).allSatisfy(horizon -> {
            assertThat(horizon.get("forecasts").asInt()).isZero();
            assertThat(horizon.get("pendingCoverage").isNull()).isTrue();
        });
        assertThat(recorded.get("note").asText()).startsWith("6 of the 6 forecast dates came before anything");
    }

    @Test
    void badSettingsAreRefusedInOneSentenceAndOnlyAuditorsMayAsk() {
        String base = "/api/audit/forecast-accuracy/" + TRIBUNAL;
        assertThat(detail(get(base + "?knowledge=maybe", auditor)))
                .isEqualTo("knowledge must be 'as-recorded' or 'corrected' (got 'maybe')");
        assertThat(detail(get(base + "?to=2020-13", auditor)))
                .isEqualTo("to must be a month from 1960-01 to 2100-12, as YYYY-MM (got '2020-13')");
        // A forecast made at the end of this month or later has nothing that happened after it to be checked on.
        assertThat(detail(get(base + "?to=2100-12", auditor)))
                .startsWith("to must be a month with at least one month ended after it, ");
        assertThat(detail(get(base + "?origins=61", auditor)))
                .isEqualTo("origins must be a whole number from 1 to 60 (got '61')");
        assertThat(detail(get("/api/audit/forecast/" + TRIBUNAL + "?order=lifo", auditor)))
                .isEqualTo("order must be 'fifo' or 'oldest-first' (got 'lifo')");
        assertThat(get(base, clerk).status()).isEqualTo(403);
        assertThat(get("/api/audit/forecast/nowhere", auditor).status()).isEqualTo(404);
    }

    private void file(String filedOn) {
        Response response = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, filedOn), clerk);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private static String detail(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json().get("detail").asText();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
