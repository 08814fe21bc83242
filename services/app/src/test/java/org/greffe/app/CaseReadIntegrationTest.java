package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk finds a case by its docket number and reads where it stands; the {@code Location} of a new case answers;
 * every read is in the access log; nothing but the docket number can be searched. Files at the specialised pole,
 * whose figures no test sharing the database counts (LanguageIntegrationTest files there too).
 */
class CaseReadIntegrationTest extends IntegrationTest {

    private static final String TRIBUNAL = "pole-judiciaire-specialise";
    private static final String[] CLERK = as("clerk-case-reads", Role.CLERK);

    @Test
    void theLocationOfANewCaseAnswersItsStateWhichFollowsEveryCommandWithItsVersionAsETag() {
        String docket = newDocket();
        Response filed = post("/api/cases", fileCaseJson(docket, TRIBUNAL, "2019-03-14"), CLERK);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String location = filed.header("Location");

        Response read = get(location, CLERK);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        JsonNode state = read.json();
        assertThat(state.get("docketNumber").asText()).isEqualTo(docket);
        assertThat(state.get("tribunalId").asText()).isEqualTo(TRIBUNAL);
        assertThat(state.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.get("hearings")).isEmpty();
        assertThat(state.get("actions")).extracting(JsonNode::asText)
                                        .containsExactly("hearings", "dismissal", "withdrawal", "transfer",
                                                "suspension");

        String trial = post(location + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}", CLERK).json()
                .get("hearingId").asText();
        Response adjourned = post(location + "/hearings/" + trial + "/adjournment",
                "{\"on\":\"2019-10-02\",\"reason\":\"WITNESS_ABSENT\"}", CLERK);
        assertThat(adjourned.status()).as(adjourned.text()).isEqualTo(200);

        Response after = get(location, CLERK);
        assertThat(after.header("ETag")).isEqualTo(adjourned.header("ETag")).isEqualTo("\"2\"");
        JsonNode hearing = after.json().get("hearings").get(0);
        assertThat(hearing.get("hearingId").asText()).isEqualTo(trial);
        assertThat(hearing.get("state").asText()).isEqualTo("ADJOURNED");
        assertThat(hearing.get("reason").asText()).isEqualTo("WITNESS_ABSENT");
        assertThat(after.json().get("latestOn").asText()).isEqualTo("2019-10-02");

        // The version read is what If-Match sends: a stale one is refused, the current one goes through.
        assertThat(post(location + "/suspension", "{\"on\":\"2019-11-01\",\"reason\":\"ACCUSED_AT_LARGE\"}",
                "Authorization", CLERK[1], "If-Match", "\"1\"").status()).isEqualTo(409);
        assertThat(post(location + "/suspension", "{\"on\":\"2019-11-01\",\"reason\":\"ACCUSED_AT_LARGE\"}",
                "Authorization", CLERK[1], "If-Match", after.header("ETag")).status()).isEqualTo(200);
        assertThat(get(location, CLERK).json().get("status").asText()).isEqualTo("SUSPENDED");
    }

    @Test
    void aDocketNumberFindsItsCaseExactlyAtItsTribunalOrAtAnyAndNothingElseCanBeSearched() {
        String docket = newDocket();
        String caseId = post("/api/cases", fileCaseJson(docket, TRIBUNAL, "2019-03-14"), CLERK).json()
                .get("caseId").asText();

        JsonNode found = get("/api/cases?docketNumber=" + encode(" " + docket.toLowerCase() + " ") + "&tribunalId="
                + TRIBUNAL, CLERK).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("caseId").asText()).isEqualTo(caseId);
        assertThat(found.get(0).get("docketNumber").asText()).isEqualTo(docket);
        assertThat(found.get(0).get("href").asText()).isEqualTo("/api/cases/" + caseId);
        assertThat(get("/api/cases?docketNumber=" + encode(docket), CLERK).json()).hasSize(1);
        assertThat(get("/api/cases?docketNumber=" + encode(docket) + "&tribunalId=kidal", CLERK).json()).isEmpty();
        assertThat(get("/api/cases?docketNumber=" + encode(docket.substring(0, docket.lastIndexOf('-'))), CLERK).json())
                .as("no prefix search").isEmpty();

        for (String search : List.of("/api/cases?offence=RAPE", "/api/cases?docketNumber=" + encode(docket)
                + "&victims=2", "/api/cases", "/api/cases?docketNumber=")) {
            Response refused = get(search, CLERK);
            assertThat(refused.status()).as(search).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(get("/api/cases/not%20a%20case", CLERK).status()).isEqualTo(400);
        assertThat(get("/api/cases/" + UUID.randomUUID(), CLERK).status()).isEqualTo(404);
    }

    @Test
    void everyCaseReadIsInTheAccessLogWithWhoAndWhichCaseAndAnAdvocateReadsNone() {
        String caseId = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2019-03-14"), CLERK).json()
                .get("caseId").asText();
        String[] auditor = as("auditor-case-reads", Role.AUDITOR);
        assertThat(get("/api/cases/" + caseId, auditor).status()).isEqualTo(200);
        assertThat(get("/api/cases?docketNumber=RG-2019-0001", auditor).status()).isEqualTo(200);
        assertThat(get("/api/cases/" + caseId, as("advocate-case-reads", Role.ADVOCATE)).status()).isEqualTo(403);

        String entries = """
                SELECT l.operation, l.case_id, o.status FROM access_log l
                LEFT JOIN access_log_outcome o ON o.access_log_id = l.id WHERE l.user_name = ? ORDER BY l.id""";
        // The outcome is written once the answer is complete, which may be just after the client has it.
        awaitUntil("both reads' outcomes are recorded", Duration.ofSeconds(10), () -> jdbc.queryForList(entries,
                "auditor-case-reads").stream().allMatch(entry -> entry.get("status") != null));
        List<Map<String, Object>> recorded = jdbc.queryForList(entries, "auditor-case-reads");
        assertThat(recorded).extracting(entry -> entry.get("operation")).containsExactly("case", "case-lookup");
        assertThat(recorded.get(0).get("case_id")).isEqualTo(caseId);
        assertThat(recorded).extracting(entry -> entry.get("status")).containsExactly(200, 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE user_name = ?", Long.class,
                "advocate-case-reads")).isZero();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
