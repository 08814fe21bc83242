package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why cases stall, over HTTP on real PostgreSQL: the figures of three cases recorded through the registry, exact for
 * clerks and auditors, re-derived by the auditors' replay, and refused rather than wrong while the projection's
 * records predate the definitions. Its cases are filed at Bamako commune IV in 1995 and 1996, years no other test
 * writes to; the exact figures of 1995 are the first test's three cases alone (the others file in 1996).
 */
class StallsIntegrationTest extends IntegrationTest {

    private static final String T = "bamako-commune-iv";
    private static final String YEAR = "?from=1995-01-01&to=1995-12-31";

    @Test
    void clerksAndAuditorsReadExactStallFiguresThatTheReplayReDerives() {
        // a: reported 17 days after the incident; two trial hearings adjourned, the third held; idle since 1 May.
        String a = file("1995-02-01", "1995-01-15");
        adjourned(a, "TRIAL", "1995-03-01", "WITNESS_ABSENT");
        adjourned(a, "TRIAL", "1995-04-01", "SECURITY");
        String trial = hearing(a, "TRIAL", "1995-05-01");
        assertThat(post("/api/cases/" + a + "/hearings/" + trial + "/held", "{\"on\":\"1995-05-01\"}").status())
                .isEqualTo(200);
        // b: filed the year before without an incident date; a preliminary adjourned, then suspended.
        String b = file("1994-06-01", null);
        adjourned(b, "PRELIMINARY", "1995-06-10", "COUNSEL_ABSENT");
        assertThat(post("/api/cases/" + b + "/suspension",
                "{\"on\":\"1995-07-01\",\"reason\":\"STAY_OF_PROCEEDINGS\"}").status()).isEqualTo(200);
        // c: reported 424 days after the incident; a preliminary adjourned six weeks before the year's end.
        String c = file("1995-03-01", "1994-01-01");
        adjourned(c, "PRELIMINARY", "1995-11-15", "OTHER");
        awaitProjection();

        JsonNode stalls = get("/api/caseload/" + T + "/stalls" + YEAR).json();
        JsonNode adjournments = stalls.get("adjournments");
        assertThat(counts(adjournments.get("byReason"))).containsExactly(Map.entry("ACCUSED_ABSENT", 0),
                Map.entry("WITNESS_ABSENT", 1), Map.entry("COUNSEL_ABSENT", 1), Map.entry("JUDGE_UNAVAILABLE", 0),
                Map.entry("SECURITY", 1), Map.entry("INVESTIGATION_INCOMPLETE", 0), Map.entry("OTHER", 1));
        assertThat(counts(adjournments.get("byKind"))).containsExactly(Map.entry("PRELIMINARY", 2),
                Map.entry("TRIAL", 2));
        assertThat(adjournments.get("trialsDue").asInt()).as("a's three").isEqualTo(3);
        assertThat(adjournments.get("trialsAdjourned").asInt()).isEqualTo(2);
        assertThat(adjournments.get("trialAdjournedShare").asDouble()).isEqualTo(66.7);
        JsonNode pending = stalls.get("pending");
        assertThat(pending.get("active").asInt()).as("a and c").isEqualTo(2);
        assertThat(counts(pending.get("byLatestHearing"))).containsEntry("HELD", 1).containsEntry("COUNSEL_ABSENT", 1)
                .containsEntry("OTHER", 1).containsEntry("NO_HEARING", 0).containsEntry("SECURITY", 0);
        assertThat(counts(pending.get("suspendedByReason"))).containsExactly(Map.entry("ACCUSED_AT_LARGE", 0),
                Map.entry("STAY_OF_PROCEEDINGS", 1), Map.entry("OTHER", 0));
        assertThat(counts(pending.get("inactive"))).as("a idle 244 days, c 46")
                .containsExactly(Map.entry(">90", 1), Map.entry(">180", 1), Map.entry(">365", 0));
        assertThat(counts(pending.get("byReportingDelay"))).containsExactly(Map.entry("0-30", 1),
                Map.entry("31-90", 0), Map.entry("91-365", 0), Map.entry(">365", 1), Map.entry("UNDATED", 1));
        JsonNode filings = stalls.get("filings");
        assertThat(filings.get("filed").asInt()).as("a and c; b was filed in 1994").isEqualTo(2);
        assertThat(filings.get("withoutIncidentDate").asInt()).isZero();
        assertThat(filings.get("medianReportingDays").asDouble()).as("17 and 424").isEqualTo(220.5);
        assertThat(stalls.get("release").isNull()).isTrue();

        String[] auditor = as("test-auditor", Role.AUDITOR);
        assertThat(get("/api/caseload/" + T + "/stalls" + YEAR, auditor).json()).isEqualTo(stalls);
        JsonNode replayed = get("/api/audit/caseload/" + T + "/stalls?from=1995-01-01&asOf=1995-12-31", auditor)
                .json();
        assertThat(Replays.withoutReplayFields(replayed)).as("the raw log gives the live figures").isEqualTo(stalls);
        JsonNode before = get("/api/audit/caseload/" + T + "/stalls?from=1995-01-01&asOf=1995-06-30", auditor).json();
        assertThat(before.get("adjournments").get("byReason").get("COUNSEL_ABSENT").asInt())
                .as("b's preliminary, adjourned on 10 June").isEqualTo(1);
        assertThat(before.get("adjournments").get("byReason").get("OTHER").asInt()).as("c's, in November").isZero();
        assertThat(before.get("pending").get("suspendedByReason").get("STAY_OF_PROCEEDINGS").asInt())
                .as("b was suspended in July").isZero();
    }

    @Test
    void readersWithoutExactFiguresGetNoAdjournmentOrFilingOfThePeriod() {
        String[] advocate = as("test-advocate", Role.ADVOCATE);
        Response published = get("/api/caseload/" + T + "/stalls" + YEAR, advocate);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        JsonNode stalls = published.json();
        assertThat(stalls.get("adjournments").isNull()).as("a flow of a few hearings: one survivor's case each")
                                                       .isTrue();
        assertThat(stalls.get("filings").isNull()).isTrue();
        assertThat(stalls.get("release").get("month").asText()).isNotBlank();
        assertThat(stalls.get("release").get("position").isNull()).as("no log position for advocates").isTrue();
        assertThat(stalls.get("smallCells").get("applied").asBoolean()).isTrue();
        assertThat(published.header("Greffe-Log-Position")).isNull();
        JsonNode asClerk = get("/api/caseload/" + T + "/stalls" + YEAR + "&view=published").json();
        assertThat(asClerk.get("adjournments").isNull()).isTrue();
        assertThat(get("/api/caseload/" + T + "/stalls" + YEAR + "&atLeast=1", advocate).status())
                .as("atLeast is for exact figures").isEqualTo(400);
        assertThat(get("/api/audit/caseload/" + T + "/stalls", advocate).status()).isEqualTo(403);
    }

    /**
     * Records folded by a release that did not keep hearing outcomes would give no adjournment and cases idle since
     * their filing: until the projection is rebuilt, the stall figures are refused and the overview's inactive count
     * withheld, never served wrong.
     */
    @Test
    void recordsOfEarlierDefinitionsGetNoStallFigureUntilARebuild() {
        asDba(dba -> dba.update("UPDATE caseload_generation SET definitions = 1"));
        try {
            // A new event moves the projection's version on, so no figure cached before is served.
            file("1996-08-01", null);
            awaitProjection();
            Response refused = get("/api/caseload/" + T + "/stalls?from=1995-02-01&to=1995-11-30",
                    "Accept-Language", "fr");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asText()).endsWith("stalls-await-rebuild");
            assertThat(refused.json().get("title").asText()).isEqualTo("Reconstruction nécessaire pour ces chiffres");
            assertThat(refused.json().get("detail").asText()).contains("POST /api/audit/rebuild");
            for (JsonNode tribunal : get("/api/caseload").json()) {
                assertThat(tribunal.get("inactive").isNull()).as(tribunal.toString()).isTrue();
                assertThat(tribunal.get("pending").isInt()).isTrue();
            }
        } finally {
            asDba(dba -> dba.update("UPDATE caseload_generation SET definitions = 2"));
        }
        file("1996-08-02", null);
        awaitProjection();
        assertThat(get("/api/caseload/" + T + "/stalls?from=1995-02-01&to=1995-11-30").status()).isEqualTo(200);
        assertThat(get("/api/caseload").json().get(0).get("inactive").isInt()).isTrue();
    }

    /**
     * A hearing adjourned before the day it was set for counts on the day of its adjournment, with its kind, in the
     * live figures and in the replay as of a day between the two, which must not lose the scheduling dated later.
     */
    @Test
    void aHearingAdjournedBeforeItsDayCountsWithItsKindLiveAndReplayed() {
        String a = file("1996-09-02", null);
        String trial = hearing(a, "TRIAL", "1996-12-20");
        Response adjourned = post("/api/cases/" + a + "/hearings/" + trial + "/adjournment",
                "{\"on\":\"1996-12-05\",\"reason\":\"JUDGE_UNAVAILABLE\"}");
        assertThat(adjourned.status()).as(adjourned.text()).isEqualTo(200);
        awaitProjection();
        JsonNode live = get("/api/caseload/" + T + "/stalls?from=1996-12-01&to=1996-12-10").json();
        assertThat(live.get("adjournments").get("byKind").get("TRIAL").asInt()).isEqualTo(1);
        assertThat(live.get("adjournments").get("trialsDue").asInt()).isEqualTo(1);
        JsonNode replayed = get("/api/audit/caseload/" + T + "/stalls?from=1996-12-01&asOf=1996-12-10",
                as("test-auditor", Role.AUDITOR)).json();
        assertThat(Replays.withoutReplayFields(replayed)).isEqualTo(live);
    }

    private String file(String filedOn, String incidentOn) {
        String json = fileCaseJson(newDocket(), T, filedOn);
        if (incidentOn != null) {
            json = json.replace("\"filedOn\"", "\"incidentOn\":\"" + incidentOn + "\",\"filedOn\"");
        }
        Response response = post("/api/cases", json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("caseId").asText();
    }

    private String hearing(String caseId, String kind, String date) {
        Response response = post("/api/cases/" + caseId + "/hearings",
                "{\"kind\":\"" + kind + "\",\"date\":\"" + date + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("hearingId").asText();
    }

    private void adjourned(String caseId, String kind, String on, String reason) {
        String hearing = hearing(caseId, kind, on);
        Response response = post("/api/cases/" + caseId + "/hearings/" + hearing + "/adjournment",
                "{\"on\":\"" + on + "\",\"reason\":\"" + reason + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static Map<String, Integer> counts(JsonNode cells) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        cells.fields().forEachRemaining(cell -> counts.put(cell.getKey(), cell.getValue().asInt()));
        return counts;
    }
}
