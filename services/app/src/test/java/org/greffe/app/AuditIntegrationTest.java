package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors' reads over HTTP on real PostgreSQL: a case's history as stored, and the caseload re-derived from the raw
 * log as of a date and as known at an instant. The bitemporal test owns tribunal bamako-commune-vi.
 */
class AuditIntegrationTest extends IntegrationTest {

    @Test
    void aCaseHistoryListsEveryEventInOrderWithWhoRecordedItAndHow() {
        Response filed = post("/api/cases", fileCaseJson(newDocket(), "bamako-commune-ii", "2019-03-14"),
                "X-Correlation-Id", "audit-history-1", "Idempotency-Key", "audit-history-key-1");
        String caseId = filed.json().get("caseId").asText();
        String hearing = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
        post("/api/cases/" + caseId + "/hearings/" + hearing + "/adjournment",
                "{\"on\":\"2019-10-03\",\"reason\":\"WITNESS_ABSENT\"}");

        Response response = get("/api/audit/cases/" + caseId + "/history");
        assertThat(response.status()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history).hasSize(3);
        assertThat(history.findValuesAsText("type"))
                .containsExactly("CaseFiled", "HearingScheduled", "HearingAdjourned");
        assertThat(history.findValuesAsText("effectiveDate")).containsExactly("2019-03-14", "2019-10-02", "2019-10-03");
        for (int i = 0; i < 3; i++) {
            assertThat(history.get(i).get("sequence").asLong()).isEqualTo(i);
            assertThat(history.get(i).get("recordedBy").asText()).isEqualTo(TestTokens.DEFAULT_USER);
            assertThat(history.get(i).get("source").asText()).isEqualTo("api");
            assertThat(Instant.parse(history.get(i).get("recordedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(history.findValues("globalPosition")).extracting(JsonNode::asLong).isSorted()
                                                        .doesNotHaveDuplicates();
        // The history shows what is stored: the client's strings as keyed hashes, the same one for each use.
        String key = history.get(0).get("idempotencyKey").asText();
        assertThat(history.get(0).get("correlationId").asText()).matches("hmac-sha256:[0-9a-f]{64}")
                                                              .isNotEqualTo(key);
        assertThat(key).matches("hmac-sha256:[0-9a-f]{64}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_idempotency WHERE idempotency_key = ?",
                Long.class, key)).isEqualTo(1);
        assertThat(history.get(1).get("idempotencyKey").isNull()).isTrue();
        assertThat(history.get(0).get("revision").asText()).isEqualTo("2");
        assertThat(history.get(2).get("payload").get("reason").asText()).isEqualTo("WITNESS_ABSENT");

        assertThat(post("/api/audit/verify", "").json().get("ok").asBoolean()).as("verify seals what it can").isTrue();
        JsonNode sealed = get("/api/audit/cases/" + caseId + "/history").json();
        assertThat(sealed.get(0).get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(sealed.get(1).get("previousHash").asText()).isEqualTo(sealed.get(0).get("hash").asText());
        assertThat(sealed.get(2).get("previousHash").asText()).isEqualTo(sealed.get(1).get("hash").asText());
    }

    @Test
    void anUnknownCaseHas404AndAMalformedIdHas400() {
        Response unknown = get("/api/audit/cases/no-such-case/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/audit/cases/not%20an%20id/history").status()).isEqualTo(400);
        assertThat(get("/api/audit/caseload/atlantis").status()).isEqualTo(404);
    }

    @Test
    void asOfAndKnownAtEachChangeTheReplayedCaseload() throws InterruptedException {
        String tribunal = "bamako-commune-vi";
        String x = post("/api/cases", fileCaseJson(newDocket(), tribunal, "2019-01-01")).json().get("caseId").asText();
        Instant knownAfterX = pause();
        post("/api/cases", fileCaseJson(newDocket(), tribunal, "2018-06-01")); // a late registration
        Instant knownAfterLateFiling = pause();
        post("/api/cases/" + x + "/dismissal", "{\"on\":\"2019-03-01\",\"reason\":\"NO_OFFENCE\"}"); // recorded late

        assertThat(pending(tribunal, "2019-06-01", knownAfterX)).as("before the late registration").isEqualTo(1);
        assertThat(pending(tribunal, "2019-06-01", knownAfterLateFiling)).as("before the dismissal").isEqualTo(2);
        assertThat(pending(tribunal, "2019-06-01", null)).as("as known now").isEqualTo(1);
        assertThat(pending(tribunal, "2018-12-31", null)).as("before X was filed").isEqualTo(1);
        assertThat(pending(tribunal, "2019-02-01", null)).as("before X was dismissed").isEqualTo(2);

        JsonNode replayed = get("/api/audit/caseload/" + tribunal + "?asOf=2019-06-01").json();
        assertThat(replayed.get("position").asLong()).isPositive();
        assertThat(replayed.get("eventsRead").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(replayed.get("asOf").asText()).isEqualTo("2019-06-01");
        assertThat(replayed.get("measures").get("outgoing").asInt()).isEqualTo(1);
    }

    @Test
    void withItsDefaultsTheReplayEqualsTheLiveProjection() {
        post("/api/cases", fileCaseJson(newDocket(), "bamako-commune-vi", "2020-01-01"));
        awaitProjection();
        JsonNode live = get("/api/caseload/bamako-commune-vi").json();
        JsonNode replayed = Replays.withoutReplayFields(get("/api/audit/caseload/bamako-commune-vi").json());
        assertThat(replayed).isEqualTo(live);
    }

    private int pending(String tribunal, String asOf, Instant knownAt) {
        String query = "?asOf=" + asOf + (knownAt == null ? "" : "&knownAt=" + knownAt);
        Response response = get("/api/audit/caseload/" + tribunal + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("pending").asInt();
    }

    /** An instant strictly between what was recorded before and what will be recorded after. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        return between;
    }
}
