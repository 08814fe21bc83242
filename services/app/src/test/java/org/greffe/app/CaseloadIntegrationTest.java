package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload read API over HTTP, fed by commands through the registry and the projection on real PostgreSQL.
 * Uses tribunals no other integration test sharing its database writes to (kidal, san, koutiala), so its figures are
 * exact.
 */
class CaseloadIntegrationTest extends IntegrationTest {

    @Test
    void figuresFollowTheRecordedLifeOfCases() {
        String a = file("kidal", "2019-01-10");
        String b = file("kidal", "2019-02-01");
        String c = file("kidal", "2019-03-01");
        String d = file("kidal", "2020-05-01");
        String trial = post("/api/cases/" + a + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-04-01\"}")
                .json().get("hearingId").asText();
        post("/api/cases/" + a + "/hearings/" + trial + "/adjournment",
                "{\"on\":\"2019-04-01\",\"reason\":\"SECURITY\"}");
        String retrial = post("/api/cases/" + a + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-05-01\"}")
                .json().get("hearingId").asText();
        post("/api/cases/" + a + "/hearings/" + retrial + "/held", "{\"on\":\"2019-05-01\"}");
        post("/api/cases/" + a + "/judgment", "{\"on\":\"2019-06-01\",\"verdict\":\"CONVICTION\"}");
        post("/api/cases/" + b + "/suspension", "{\"on\":\"2019-03-01\",\"reason\":\"ACCUSED_AT_LARGE\"}");
        post("/api/cases/" + c + "/transfer", "{\"on\":\"2019-07-01\",\"toTribunalId\":\"san\"}");
        assertThat(d).isNotBlank();
        awaitProjection();

        Response response = get("/api/caseload/kidal?from=2019-06-04&to=2020-06-03");
        assertThat(response.status()).isEqualTo(200);
        assertThat(Long.parseLong(response.header("Greffe-Log-Position")))
                .isEqualTo(Long.parseLong(response.header("Greffe-Log-Head")));
        JsonNode kidal = response.json();
        assertThat(kidal.get("pending").asInt()).as("b suspended, d active").isEqualTo(2);
        assertThat(kidal.get("activePending").asInt()).isEqualTo(1);
        assertThat(kidal.get("suspended").asInt()).isEqualTo(1);
        assertThat(kidal.get("neverTried").asInt()).isEqualTo(2);
        assertThat(kidal.get("ageBands").get("0-90").asInt()).as("d, 33 days").isEqualTo(1);
        int bands = 0;
        for (JsonNode band : kidal.get("ageBands")) {
            bands += band.asInt();
        }
        assertThat(bands).as("age bands sum to active pending").isEqualTo(kidal.get("activePending").asInt());
        assertThat(kidal.get("medianAgeDays").asDouble()).isEqualTo(33.0);
        assertThat(kidal.get("oldestFiledOn").asText()).isEqualTo("2020-05-01");
        JsonNode measures = kidal.get("measures");
        assertThat(measures.get("incoming").asInt()).as("d filed").isEqualTo(1);
        assertThat(measures.get("outgoing").asInt()).as("c transferred out on 2019-07-01").isEqualTo(1);
        assertThat(measures.get("clearanceRate").asDouble()).isEqualTo(100.0);
        assertThat(measures.get("trialDateCertainty").isNull()).as("a was judged before the period").isTrue();

        JsonNode year2019 = get("/api/caseload/kidal?from=2019-01-01&to=2019-12-31").json().get("measures");
        assertThat(year2019.get("incoming").asInt()).isEqualTo(3);
        assertThat(year2019.get("outgoing").asInt()).isEqualTo(2);
        assertThat(year2019.get("trialDateCertainty").get("2").asInt()).as("a had two trial settings").isEqualTo(1);
        assertThat(year2019.get("timeToDisposition").get("disposed").asInt()).isEqualTo(1);

        JsonNode san = get("/api/caseload/san?to=2020-06-03").json();
        assertThat(san.get("pending").asInt()).as("c arrived by transfer").isEqualTo(1);
    }

    @Test
    void theTimelineIsConsistentWithTheStocks() {
        file("koutiala", "2018-11-20");
        awaitProjection();
        JsonNode months = get("/api/caseload/koutiala/timeline?from=2019-01-01&to=2019-12-31").json();
        assertThat(months).hasSize(12);
        assertThat(months.get(0).get("month").asText()).isEqualTo("2019-01");
        int pendingBefore = get("/api/caseload/koutiala?to=2018-12-31").json().get("pending").asInt();
        int pending = pendingBefore;
        for (JsonNode month : months) {
            pending += month.get("incoming").asInt() - month.get("outgoing").asInt();
            assertThat(month.get("pendingEnd").asInt()).as(month.get("month").asText()).isEqualTo(pending);
        }
        assertThat(pending).isEqualTo(get("/api/caseload/koutiala?to=2019-12-31").json().get("pending").asInt());
    }

    @Test
    void repeatedReadsFollowEveryNewEventAtOnce() {
        String[] paths = {"/api/caseload/sikasso?to=2020-06-03",
            "/api/caseload/sikasso/timeline?from=2020-01-01&to=2020-06-03", "/api/caseload"};
        awaitProjection();
        JsonNode[] before = new JsonNode[paths.length];
        for (int i = 0; i < paths.length; i++) {
            before[i] = get(paths[i]).json();
            assertThat(get(paths[i]).json()).as("the same figures again").isEqualTo(before[i]);
        }
        post("/api/cases", fileCaseJson(newDocket(), "sikasso", "2020-02-03"));
        awaitProjection();
        assertThat(get(paths[0]).json().get("pending").asInt()).isEqualTo(before[0].get("pending").asInt() + 1);
        assertThat(get(paths[1]).json().get(1).get("incoming").asInt())
                .isEqualTo(before[1].get(1).get("incoming").asInt() + 1);
        int row = 0;
        while (!before[2].get(row).get("tribunalId").asText().equals("sikasso")) {
            row++;
        }
        assertThat(get(paths[2]).json().get(row).get("pending").asInt())
                .isEqualTo(before[2].get(row).get("pending").asInt() + 1);
    }

    /**
     * An advocate's figures are a monthly release: recording an event, even one dated in a month the release
     * covers, changes nothing they see until the next release, so comparing two answers never isolates one event.
     */
    @Test
    void anAdvocateSeesTheMonthlyReleaseWhichNoSingleEventChanges() {
        String[] advocate = as("test-advocate", Role.ADVOCATE);
        awaitRelease(advocate);
        String[] paths = {"/api/caseload/segou?to=2020-06-03", "/api/caseload/segou/timeline?from=2020-01-01",
            "/api/caseload"};
        JsonNode[] before = new JsonNode[paths.length];
        for (int i = 0; i < paths.length; i++) {
            before[i] = get(paths[i], advocate).json();
        }
        Response release = get(paths[0], advocate);
        assertThat(release.header("Greffe-Release")).isEqualTo(before[0].get("release").get("month").asText());
        assertThat(before[0].get("to").asText()).as("the last month that ended").isEqualTo("2020-05-31");
        assertThat(before[0].get("oldestFiledOn").isNull()).isTrue();
        awaitProjection();
        int exact = get("/api/caseload/segou?to=2020-05-31").json().get("pending").asInt();

        post("/api/cases", fileCaseJson(newDocket(), "segou", "2020-02-03"));
        awaitProjection();
        assertThat(get("/api/caseload/segou?to=2020-05-31").json().get("pending").asInt())
                .as("the exact figures follow at once").isEqualTo(exact + 1);
        for (int i = 0; i < paths.length; i++) {
            assertThat(get(paths[i], advocate).json()).as(paths[i] + ": the release does not move")
                                                      .isEqualTo(before[i]);
        }
    }

    @Test
    void theSummaryHasOneRowPerTribunal() {
        awaitProjection();
        JsonNode rows = get("/api/caseload").json();
        assertThat(rows.findValuesAsText("tribunalId")).contains("bamako-commune-iii", "kidal", "mopti");
        assertThat(rows.size()).isEqualTo(get("/api/tribunals").json().size());
        for (JsonNode row : rows) {
            assertThat(row.get("pending").asInt())
                    .isEqualTo(row.get("activePending").asInt() + row.get("suspended").asInt());
            assertThat(row.get("neverTried").asInt()).isLessThanOrEqualTo(row.get("pending").asInt());
        }
    }

    /**
     * Outside demo mode the dashboard opens on the ten years to today in the courts' zone, whatever was recorded: an
     * early filing just recorded does not move it (it would tell an advocate so before the monthly release).
     */
    @Test
    void theDashboardOpensOnTheLongestPeriodToTodayWhateverWasRecorded() {
        JsonNode before = get("/api/dashboard/first-view").json();
        fileCase("2014-08-09");
        awaitProjection();
        JsonNode first = get("/api/dashboard/first-view").json();
        LocalDate today = LocalDate.now(ZoneId.of("Africa/Bamako"));
        assertThat(first.get("from").asText()).isEqualTo(today.minusYears(10).toString());
        assertThat(first.get("to").asText()).isEqualTo(today.toString());
        assertThat(first).as("an early filing recorded does not move it").isEqualTo(before);
        // The page opens on it: the caseload answers it.
        String period = "?from=" + first.get("from").asText() + "&to=" + first.get("to").asText();
        Response exact = get("/api/caseload/kidal" + period);
        assertThat(exact.status()).as(exact.text()).isEqualTo(200);
    }

    @Test
    void anUnknownTribunalIs404AndABadPeriodIs400() {
        Response unknown = get("/api/caseload/atlantis");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("atlantis");
        assertThat(get("/api/caseload/atlantis/timeline").status()).isEqualTo(404);
        Response reversed = get("/api/caseload/kidal?from=2020-01-01&to=2019-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/caseload/kidal?from=yesterday").status()).isEqualTo(400);
        assertThat(get("/api/caseload/kidal/timeline?from=1900-01-01&to=2020-01-01").status()).isEqualTo(400);
    }

    private String file(String tribunal, String filedOn) {
        Response response = post("/api/cases", fileCaseJson(newDocket(), tribunal, filedOn));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("caseId").asText();
    }
}
