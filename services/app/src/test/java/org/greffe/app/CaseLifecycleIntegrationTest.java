package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A clerk records whole case lives over HTTP; each accepted request is one readable row of the event log. */
class CaseLifecycleIntegrationTest extends IntegrationTest {

    private static final String KEYED_HASH = "hmac-sha256:[0-9a-f]{64}";
    private static final String CANONICAL_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aCaseFromFilingThroughAdjournedTrialToJudgmentReopeningAndRetrial() {
        String caseId = fileCase("2019-03-14");
        String base = "/api/cases/" + caseId;

        String prelim = created(post(base + "/hearings", "{\"kind\":\"PRELIMINARY\",\"date\":\"2019-05-02\"}"),
                "hearingId");
        accepted(post(base + "/hearings/" + prelim + "/held", "{\"on\":\"2019-05-02\"}"), 2);
        String trial = created(post(base + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}"),
                "hearingId");
        accepted(post(base + "/hearings/" + trial + "/adjournment",
                "{\"on\":\"2019-10-02\",\"reason\":\"ACCUSED_ABSENT\"}"), 4);
        String retrial = created(post(base + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-11-20\"}"),
                "hearingId");
        accepted(post(base + "/hearings/" + retrial + "/held", "{\"on\":\"2019-11-20\"}"), 6);
        accepted(post(base + "/judgment", "{\"on\":\"2019-12-05\",\"verdict\":\"CONVICTION\"}"), 7);
        accepted(post(base + "/reopening", "{\"on\":\"2020-02-03\",\"reason\":\"REMAND\"}"), 8);

        assertThat(post(base + "/judgment", "{\"on\":\"2020-03-01\",\"verdict\":\"ACQUITTAL\"}").status())
                .as("a remanded case needs a new trial").isEqualTo(409);

        List<Map<String, Object>> rows = eventsOf(caseId);
        assertThat(rows).extracting(row -> row.get("payload_type")).containsExactly(
                "org.greffe.events.CaseFiled", "org.greffe.events.HearingScheduled", "org.greffe.events.HearingHeld",
                "org.greffe.events.HearingScheduled", "org.greffe.events.HearingAdjourned",
                "org.greffe.events.HearingScheduled", "org.greffe.events.HearingHeld",
                "org.greffe.events.JudgmentIssued", "org.greffe.events.CaseReopened");
        assertThat(rows).extracting(row -> ((Number) row.get("sequence_number")).longValue())
                        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(rows).extracting(row -> row.get("payload_revision"))
                        .containsExactly("2", "1", "1", "1", "1", "1", "1", "1", "1");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("type")).isEqualTo("Case"));

        JsonNode filed = json(rows.get(0).get("payload"));
        assertThat(filed.get("caseId").asText()).isEqualTo(caseId);
        assertThat(filed.get("tribunalId").asText()).isEqualTo("bamako-commune-iii");
        assertThat(filed.get("filedOn").asText()).isEqualTo("2019-03-14");
        assertThat(filed.get("victims").get("girls").asInt()).isEqualTo(2);
        JsonNode judged = json(rows.get(7).get("payload"));
        assertThat(judged.get("verdict").asText()).isEqualTo("CONVICTION");
        assertThat(judged.get("on").asText()).isEqualTo("2019-12-05");
    }

    @Test
    void transferSuspensionResumptionDismissalAndWithdrawal() {
        String caseId = fileCase("2019-01-10");
        String base = "/api/cases/" + caseId;
        accepted(post(base + "/transfer", "{\"on\":\"2019-02-01\",\"toTribunalId\":\"mopti\"}"), 1);
        accepted(post(base + "/suspension", "{\"on\":\"2019-03-01\",\"reason\":\"ACCUSED_AT_LARGE\"}"), 2);
        accepted(post(base + "/resumption", "{\"on\":\"2019-09-01\"}"), 3);
        accepted(post(base + "/dismissal", "{\"on\":\"2019-10-01\",\"reason\":\"INSUFFICIENT_EVIDENCE\"}"), 4);
        accepted(post(base + "/reopening", "{\"on\":\"2020-01-15\",\"reason\":\"NEW_EVIDENCE\"}"), 5);
        accepted(post(base + "/withdrawal", "{\"on\":\"2020-02-15\"}"), 6);

        List<Map<String, Object>> rows = eventsOf(caseId);
        JsonNode transferred = json(rows.get(1).get("payload"));
        assertThat(transferred.get("fromTribunalId").asText()).isEqualTo("bamako-commune-iii");
        assertThat(transferred.get("toTribunalId").asText()).isEqualTo("mopti");
        assertThat(rows).extracting(row -> row.get("payload_type")).containsExactly(
                "org.greffe.events.CaseFiled", "org.greffe.events.CaseTransferred", "org.greffe.events.CaseSuspended",
                "org.greffe.events.CaseResumed", "org.greffe.events.CaseDismissed", "org.greffe.events.CaseReopened",
                "org.greffe.events.CaseWithdrawn");
    }

    @Test
    void everyEventCarriesWhoRecordedItTheCorrelationIdAndTheSource() {
        Response filed = post("/api/cases", fileCaseJson(newDocket(), "kayes", "2019-04-01"),
                "X-Correlation-Id", "clerk-session-42", "Idempotency-Key", "lifecycle-meta-1");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.header("X-Correlation-Id")).isEqualTo("clerk-session-42");
        String caseId = filed.json().get("caseId").asText();
        post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2030-01-15\"}");

        List<Map<String, Object>> rows = eventsOf(caseId);
        JsonNode first = json(rows.get(0).get("meta_data"));
        assertThat(first.get("user").asText()).isEqualTo(TestTokens.DEFAULT_USER);
        // What the client chose is stored as its keyed hash, never as sent.
        assertThat(first.get("correlationId").asText()).matches(KEYED_HASH);
        assertThat(first.get("idempotencyKey").asText()).matches(KEYED_HASH)
                                                        .isNotEqualTo(first.get("correlationId").asText());
        assertThat(first.get("source").asText()).isEqualTo("api");
        assertThat(first.fieldNames()).toIterable().containsExactlyInAnyOrder("user", "correlationId",
                "idempotencyKey", "source");
        JsonNode second = json(rows.get(1).get("meta_data"));
        assertThat(second.get("correlationId").asText()).as("generated").matches(CANONICAL_UUID);
        assertThat(second.has("idempotencyKey")).isFalse();
        assertThat(rows.get(0).get("time_stamp").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void aCanonicalUuidSentAsCorrelationIdOrIdempotencyKeyIsStoredAsItIs() {
        String correlationId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Response filed = post("/api/cases", fileCaseJson(newDocket(), "kayes", "2019-04-01"),
                "X-Correlation-Id", correlationId, "Idempotency-Key", key);
        assertThat(filed.status()).isEqualTo(201);
        JsonNode metaData = json(eventsOf(filed.json().get("caseId").asText()).get(0).get("meta_data"));
        assertThat(metaData.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(metaData.get("idempotencyKey").asText()).isEqualTo(key);
    }

    @Test
    void responsesCarryTheVersionAsETagAndTheNewCaseAsLocation() {
        Response filed = post("/api/cases", fileCaseJson(newDocket(), "gao", "2019-04-01"));
        String caseId = filed.json().get("caseId").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/cases/" + caseId);
        assertThat(filed.header("ETag")).isEqualTo("\"0\"");
        assertThat(filed.header("Content-Type")).startsWith("application/json");
        Response scheduled = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-06-01\"}",
                "If-Match", "\"0\"");
        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.header("ETag")).isEqualTo("\"1\"");
        assertThat(scheduled.header("Location"))
                .isEqualTo("/api/cases/" + caseId + "/hearings/" + scheduled.json().get("hearingId").asText());
    }

    @Test
    void tribunalsAreServedFromTheReferenceData() {
        Response tribunals = get("/api/tribunals");
        assertThat(tribunals.status()).isEqualTo(200);
        assertThat(tribunals.json().findValuesAsText("id")).contains("bamako-commune-iii", "mopti", "kidal");
        JsonNode bamako = tribunals.json().get(2);
        assertThat(bamako.get("id").asText()).isEqualTo("bamako-commune-iii");
        assertThat(bamako.get("name").asText()).contains("Commune III");
    }

    @Test
    void healthIsUp() {
        Response health = get("/actuator/health");
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    private static String created(Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    private static void accepted(Response response, long version) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }

    private List<Map<String, Object>> eventsOf(String caseId) {
        return jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", caseId);
    }

    private static JsonNode json(Object bytes) {
        try {
            return JSON.readTree(new String((byte[]) bytes, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
