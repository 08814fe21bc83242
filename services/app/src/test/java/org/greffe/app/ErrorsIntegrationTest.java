package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of rejection answers problem+json with a readable detail and the right status, and appends nothing:
 * the event count is checked in the database around each request.
 */
class ErrorsIntegrationTest extends IntegrationTest {

    private String caseId;
    private String trialId;

    @BeforeEach
    void aCaseWithAScheduledTrial() {
        caseId = fileCase("2019-03-14");
        trialId = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = rejected(400, () -> post("/api/cases", "{\"docketNumber\": \"RG-1\", "));
        assertThat(problem.get("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        JsonNode problem = rejected(400, () -> post("/api/cases/" + caseId + "/hearings",
                "{\"kind\":\"TRIAL\",\"date\":20191002}"));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("date");
        JsonNode number = rejected(400, () -> post("/api/cases",
                fileCaseJson(newDocket(), "kayes", "2019-01-01").replace("\"women\":1", "\"women\":\"1\"")));
        assertThat(number.get("errors").get(0).get("field").asText()).isEqualTo("victims.women");
        JsonNode text = rejected(400, () -> post("/api/cases",
                fileCaseJson("x", "kayes", "2019-01-01").replace("\"x\"", "42")));
        assertThat(text.get("errors").get(0).get("field").asText()).isEqualTo("docketNumber");
    }

    @Test
    void anUnknownCodeIs400ListingTheAllowedOnes() {
        JsonNode problem = rejected(400, () -> post("/api/cases/" + caseId + "/hearings/" + trialId + "/adjournment",
                "{\"on\":\"2019-10-02\",\"reason\":\"RAIN\"}"));
        assertThat(problem.get("detail").asText()).contains("reason").contains("WITNESS_ABSENT");
    }

    @Test
    void missingAndInvalidFieldsAre400ListingEachField() {
        JsonNode problem = rejected(400, () -> post("/api/cases",
                "{\"docketNumber\":\" bad docket \",\"victims\":{\"women\":-1,\"girls\":0,\"men\":0}}"));
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(
                "accused", "docketNumber", "filedOn", "offence", "tribunalId", "victims.boys", "victims.women");
        assertThat(problem.get("detail").asText()).contains("filedOn: must not be null");
    }

    @Test
    void aDocketNumberThatReadsAsANameIs400NamingTheShapeWithAnExample() {
        JsonNode problem = rejected(400, () -> post("/api/cases", fileCaseJson("Aminata Traore", "kayes",
                "2019-01-01")));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("docketNumber");
        assertThat(problem.get("detail").asText()).startsWith("docketNumber: must be a docket number such as "
                + "RG-2019-0042").doesNotContain("Aminata");
    }

    @Test
    void anUnknownFieldIs400() {
        JsonNode problem = rejected(400, () -> post("/api/cases/" + caseId + "/withdrawal",
                "{\"on\":\"2020-01-01\",\"survivorName\":\"x\"}"));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("survivorName");
    }

    @Test
    void anInvalidCaseIdInThePathIs400() {
        rejected(400, () -> post("/api/cases/not%20an%20id/withdrawal", "{\"on\":\"2020-01-01\"}"));
    }

    @Test
    void anUnknownTribunalIs422() {
        JsonNode problem = rejected(422, () -> post("/api/cases", fileCaseJson(newDocket(), "atlantis", "2019-01-01")));
        assertThat(problem.get("detail").asText()).contains("unknown tribunal 'atlantis'");
        JsonNode transfer = rejected(422, () -> post("/api/cases/" + caseId + "/transfer",
                "{\"on\":\"2019-05-01\",\"toTribunalId\":\"atlantis\"}"));
        assertThat(transfer.get("errors").get(0).get("field").asText()).isEqualTo("toTribunalId");
    }

    @Test
    void anUnknownCaseIs404() {
        JsonNode problem = rejected(404, () -> post("/api/cases/no-such-case/hearings",
                "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}"));
        assertThat(problem.get("detail").asText()).contains("no case with id no-such-case");
    }

    @Test
    void anUnknownHearingIs404() {
        JsonNode problem = rejected(404, () -> post("/api/cases/" + caseId + "/hearings/no-such-hearing/held",
                "{\"on\":\"2019-10-02\"}"));
        assertThat(problem.get("detail").asText()).contains("no hearing no-such-hearing");
    }

    @Test
    void aJudgmentWithoutAHeldTrialIs409NamingTheRule() {
        JsonNode problem = rejected(409, () -> post("/api/cases/" + caseId + "/judgment",
                "{\"on\":\"2019-12-01\",\"verdict\":\"CONVICTION\"}"));
        assertThat(problem.get("rule").asText()).isEqualTo("JUDGMENT_WITHOUT_TRIAL");
        assertThat(problem.get("detail").asText()).contains("a judgment needs a held TRIAL hearing");
    }

    @Test
    void filingADocketNumberTwiceIs409() {
        String docket = newDocket();
        assertThat(post("/api/cases", fileCaseJson(docket, "segou", "2019-01-01")).status()).isEqualTo(201);
        JsonNode problem = rejected(409, () -> post("/api/cases",
                fileCaseJson(docket.toLowerCase(), "segou", "2019-02-01")));
        assertThat(problem.get("rule").asText()).isEqualTo("DOCKET_NUMBER_TAKEN");
        assertThat(post("/api/cases", fileCaseJson(docket, "sikasso", "2019-01-01")).status())
                .as("the same number at another tribunal is another case").isEqualTo(201);
    }

    @Test
    void datesInTheFutureOrBeforeFilingAre409() {
        String nextYear = LocalDate.now().plusYears(1).toString();
        assertThat(rejected(409, () -> post("/api/cases", fileCaseJson(newDocket(), "kayes", nextYear)))
                .get("rule").asText()).isEqualTo("DATE_IN_FUTURE");
        assertThat(rejected(409, () -> post("/api/cases/" + caseId + "/suspension",
                "{\"on\":\"2019-01-01\",\"reason\":\"OTHER\"}")).get("rule").asText()).isEqualTo("DATE_BEFORE_FILING");
    }

    @Test
    void aDateOutside1960To2100Is400NamingTheFieldWhateverTheCommand() {
        for (String date : new String[]{"0000-01-01", "-0001-01-01", "+10000-01-01", "+999999999-12-31",
                "-999999999-01-01", "1959-12-31", "2101-01-01"}) {
            JsonNode filing = rejected(400, () -> post("/api/cases", fileCaseJson(newDocket(), "kayes", date)));
            assertThat(filing.get("type").asText()).isEqualTo("urn:greffe:problem:invalid-request");
            assertThat(filing.get("errors").get(0).get("field").asText()).isEqualTo("filedOn");
            assertThat(filing.get("detail").asText()).isEqualTo(
                    "filedOn: must be a date as YYYY-MM-DD from 1960-01-01 to 2100-12-31 (got '" + date + "')");
            JsonNode incident = rejected(400, () -> post("/api/cases", fileCaseJson(newDocket(), "kayes", "2019-01-01")
                    .replace("\"offence\"", "\"incidentOn\":\"" + date + "\",\"offence\"")));
            assertThat(incident.get("errors").get(0).get("field").asText()).isEqualTo("incidentOn");
            for (String path : new String[]{"/judgment", "/hearings/" + trialId + "/held", "/withdrawal"}) {
                JsonNode on = rejected(400, () -> post("/api/cases/" + caseId + path,
                        "{\"on\":\"" + date + "\"" + (path.equals("/judgment") ? ",\"verdict\":\"CONVICTION\"" : "")
                                + "}"));
                assertThat(on.get("errors").get(0).get("field").asText()).as(path).isEqualTo("on");
            }
            JsonNode hearing = rejected(400, () -> post("/api/cases/" + caseId + "/hearings",
                    "{\"kind\":\"TRIAL\",\"date\":\"" + date + "\"}"));
            assertThat(hearing.get("errors").get(0).get("field").asText()).isEqualTo("date");
        }
    }

    @Test
    void aStaleVersionIs409() {
        JsonNode problem = rejected(409, () -> post("/api/cases/" + caseId + "/hearings/" + trialId + "/held",
                "{\"on\":\"2019-10-02\"}", "If-Match", "\"0\""));
        assertThat(problem.get("detail").asText()).contains("is at version 1").contains("version 0");
        rejected(400, () -> post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2020-01-01\"}",
                "If-Match", "yesterday"));
    }

    @Test
    void aWrongContentTypeIs415AndAMethodNoRuleAllowsIs403() {
        rejected(415, () -> send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))));
        // Under /api, whatever no access rule allows is refused before routing, wrong methods included.
        rejected(403, () -> send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .DELETE()));
    }

    @Test
    void aMissingBodyIs400() {
        rejected(400, () -> post("/api/cases/" + caseId + "/withdrawal", ""));
    }

    private JsonNode rejected(int status, java.util.function.Supplier<Response> request) {
        long before = eventCount();
        Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(eventCount()).as("events appended by a rejected request").isEqualTo(before);
        return problem;
    }

}
