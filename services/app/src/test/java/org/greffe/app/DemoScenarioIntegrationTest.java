package org.greffe.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped demo docket, loaded by demo mode through the import path on an empty store, reproduces the UN
 * report through the caseload API: 115 cases pending at the tribunal of commune III in Bamako on 2020-06-03, not
 * one brought to trial, while the other tribunals give every measure a real value.
 */
class DemoScenarioIntegrationTest extends HttpIntegrationTest {

    /** Its own embedded database, always: the scenario's figures are exact only on a store holding the demo alone. */
    @DynamicPropertySource
    static void ownDatabaseInDemoMode(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "demo", true);
    }

    private static final String REPORT_DAY = "2020-06-03";
    private static final List<String> OTHERS = List.of("mopti", "gao", "tombouctou", "bamako-commune-i", "kati");

    @BeforeEach
    void projected() {
        awaitProjection();
    }

    @Test
    void bamakoCommuneIiiHas115PendingCasesAndNoneEverTried() {
        JsonNode bamako = get("/api/caseload/bamako-commune-iii?to=" + REPORT_DAY).json();
        assertThat(bamako.get("pending").asInt()).isEqualTo(115);
        assertThat(bamako.get("neverTried").asInt()).isEqualTo(115);
        assertThat(bamako.get("measures").get("trialDateCertainty").isNull()).isTrue();
        assertThat(bamako.get("activePending").asInt() + bamako.get("suspended").asInt()).isEqualTo(115);
        int bands = 0;
        for (JsonNode band : bamako.get("ageBands")) {
            assertThat(band.asInt()).as("every age band holds cases").isPositive();
            bands += band.asInt();
        }
        assertThat(bands).isEqualTo(bamako.get("activePending").asInt());

        JsonNode today = get("/api/caseload/bamako-commune-iii").json();
        assertThat(today.get("pending").asInt()).as("nothing happened after the report").isEqualTo(115);
        assertThat(today.get("neverTried").asInt()).isEqualTo(115);
    }

    @Test
    void the27CasesOf2019AreTheTribunalsIncomingThatYear() {
        JsonNode year = get("/api/caseload/bamako-commune-iii?from=2019-01-01&to=2019-12-31").json();
        assertThat(year.get("measures").get("incoming").asInt()).isEqualTo(27);
    }

    @Test
    void theTimelineOfBamakoCommuneIiiAddsUpToItsStocks() {
        JsonNode months = get("/api/caseload/bamako-commune-iii/timeline?from=2019-06-04&to=" + REPORT_DAY).json();
        int pending = get("/api/caseload/bamako-commune-iii?to=2019-06-03").json().get("pending").asInt();
        for (JsonNode month : months) {
            pending += month.get("incoming").asInt() - month.get("outgoing").asInt();
            assertThat(month.get("pendingEnd").asInt()).as(month.get("month").asText()).isEqualTo(pending);
        }
        assertThat(pending).isEqualTo(115);
    }

    @Test
    void everyMeasureHasARealValueAtTheOtherTribunals() {
        List<JsonNode> figures = new ArrayList<>();
        for (String tribunal : OTHERS) {
            figures.add(get("/api/caseload/" + tribunal + "?from=2015-01-01&to=" + REPORT_DAY).json());
        }
        assertThat(figures).allSatisfy(caseload -> {
            JsonNode measures = caseload.get("measures");
            assertThat(measures.get("outgoing").asInt()).as(caseload.get("tribunalId").asText()).isPositive();
            assertThat(measures.get("clearanceRate").isNumber()).isTrue();
            assertThat(measures.get("dispositionTimeDays").isNumber()).isTrue();
            assertThat(measures.get("timeToDisposition").get("withinStandard").isNumber()).isTrue();
            assertThat(measures.get("trialDateCertainty").isObject()).isTrue();
        });
        int[] settings = new int[4];
        int suspended = 0;
        for (JsonNode caseload : figures) {
            JsonNode certainty = caseload.get("measures").get("trialDateCertainty");
            settings[0] += certainty.get("1").asInt();
            settings[1] += certainty.get("2").asInt();
            settings[2] += certainty.get("3").asInt();
            settings[3] += certainty.get("4+").asInt();
            suspended += caseload.get("suspended").asInt();
        }
        assertThat(settings).as("judgments after 1, 2, 3 and 4+ trial settings").doesNotContain(0);
        assertThat(suspended).isPositive();
    }

    /**
     * Advocates read the monthly release made at the first start, once the demo docket was read: whole months, the
     * tribunal totals exact, every other count within the noise's bound of the exact one, and no breakdown cell below
     * the threshold.
     */
    @Test
    void advocatesGetTheReleasedMonthsWithExactTotalsAndNoSmallCellInAnyBreakdown() {
        String[] advocate = basic("advocate", "advocate");
        awaitRelease(advocate);
        int suppressedCells = 0;
        int brokenDown = 0;
        for (String tribunal : tribunals()) {
            for (String day : List.of("2020-05-31", "2018-12-31")) {
                String path = "/api/caseload/" + tribunal + "?to=" + day;
                JsonNode published = get(path, advocate).json();
                JsonNode exact = get(path, basic("clerk", "clerk")).json();
                assertThat(published.get("smallCells").get("applied").asBoolean()).isTrue();
                assertThat(published.get("smallCells").get("threshold").asInt()).isEqualTo(5);
                assertThat(published.get("release").get("month").asText()).isNotBlank();
                assertThat(exact.get("smallCells").get("applied").asBoolean()).isFalse();
                assertThat(exact.get("release").isNull()).isTrue();
                for (String total : List.of("pending", "neverTried", "to")) {
                    assertThat(published.get(total)).as(path + " " + total + " stays exact")
                                                    .isEqualTo(exact.get(total));
                }
                assertThat(published.get("oldestFiledOn").isNull()).as("one case's filing date").isTrue();
                assertThat(published.get("oldestAgeDays").isNull()).isTrue();
                if (exact.get("pending").asInt() < 10) {
                    for (String withheld : List.of("activePending", "suspended", "ageBands", "pendingBy")) {
                        assertThat(published.get(withheld).isNull()).as(path + " " + withheld + ": too few cases")
                                                                    .isTrue();
                    }
                    continue;
                }
                brokenDown++;
                assertWithinNoise(path + " suspended", published.get("suspended"), exact.get("suspended"));
                for (var bands = exact.get("ageBands").fieldNames(); bands.hasNext(); ) {
                    String band = bands.next();
                    assertWithinNoise(path + " " + band, published.get("ageBands").get(band),
                            exact.get("ageBands").get(band));
                }
                for (String table : List.of("offence", "accused", "victimGroup")) {
                    suppressedCells += checkPublished(path + " " + table, published.get("pendingBy").get(table),
                            exact.get("pendingBy").get(table));
                }
            }
        }
        assertThat(suppressedCells).as("the demo docket has small cells to hide").isPositive();
        assertThat(brokenDown).as("tribunals with enough cases to break down").isGreaterThan(4);
        JsonNode may = get("/api/caseload/bamako-commune-iii?to=" + REPORT_DAY, advocate).json();
        assertThat(may.get("to").asText()).as("the last month that ended before the report").isEqualTo("2020-05-31");
        assertThat(may.get("pending").asInt()).as("a case was filed on 1 June").isEqualTo(114);
        JsonNode bamako = get("/api/caseload/bamako-commune-iii?to=2020-06-30", advocate).json();
        assertThat(bamako.get("to").asText()).as("the report's month").isEqualTo("2020-06-30");
        assertThat(bamako.get("pending").asInt()).isEqualTo(115);
        assertThat(bamako.get("neverTried").asInt()).isEqualTo(115);
        assertThat(bamako.get("pendingBy").get("offence").get("total").asInt()).isEqualTo(115);
    }

    /**
     * An auditor sees what advocates read, with the release's instant and position, and re-derives its exact totals
     * from the raw log as it was known then.
     */
    @Test
    void anAuditorReDerivesAReleasesTotalsFromTheRawLogAsKnownWhenItWasMade() {
        String[] auditor = basic("auditor", "auditor");
        awaitRelease(basic("advocate", "advocate"));
        for (String tribunal : List.of("bamako-commune-iii", "mopti", "gao")) {
            JsonNode published = get("/api/caseload/" + tribunal + "?to=2020-06-30&view=published", auditor).json();
            JsonNode release = published.get("release");
            assertThat(release.get("position").asLong()).as("the auditor is told the position").isPositive();
            JsonNode replayed = get("/api/audit/caseload/" + tribunal + "?asOf=2020-06-30&knownAt="
                    + release.get("madeAt").asText(), auditor).json();
            assertThat(replayed.get("pending")).as(tribunal).isEqualTo(published.get("pending"));
            assertThat(replayed.get("neverTried")).as(tribunal).isEqualTo(published.get("neverTried"));
        }
    }

    /** Checks one published table against the exact one and returns how many cells it hides. */
    private static int checkPublished(String what, JsonNode published, JsonNode exact) {
        int suppressed = 0;
        for (var names = exact.get("cells").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode cell = published.get("cells").get(name);
            if (cell.get("suppressed").asBoolean()) {
                assertThat(cell.get("count").isNull()).as(what + " " + name).isTrue();
                suppressed++;
            } else {
                int count = cell.get("count").asInt();
                assertThat(count >= 5 || count == 0 && exact.get("total").asInt() == 0)
                        .as(what + " " + name + ": no small count in " + published).isTrue();
                assertWithinNoise(what + " " + name, cell.get("count"), exact.get("cells").get(name).get("count"));
            }
        }
        assertThat(suppressed).as(what + ": never exactly one hidden cell").isNotEqualTo(1);
        assertThat(published.get("perturbed").asBoolean()).isTrue();
        return suppressed;
    }

    private static void assertWithinNoise(String what, JsonNode published, JsonNode exact) {
        int value = exact.asInt();
        if (value == 0) {
            assertThat(published.asInt()).as(what + ": a zero stays zero").isZero();
        } else {
            assertThat(published.asInt()).as(what).isBetween(Math.max(0, value - 20), value + 20);
        }
    }

    @Test
    void demoUsersSignInWithTheirNameAsPasswordAndGetTheirRolesOnly() {
        assertThat(post("/api/cases", "{}", basic("clerk", "clerk")).status()).as("past security: invalid body")
                                                                            .isEqualTo(400);
        assertThat(post("/api/cases", "{}", basic("advocate", "advocate")).status()).isEqualTo(403);
        assertThat(post("/api/cases", "{}", basic("auditor", "auditor")).status()).isEqualTo(403);
        assertThat(get("/api/audit/access", basic("auditor", "auditor")).status()).isEqualTo(200);
        Response wrong = get("/api/caseload", basic("clerk", "advocate"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("wrong user name or password");
        Response anonymous = get("/api/caseload", ANONYMOUS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().get("WWW-Authenticate")).anyMatch(challenge -> challenge.startsWith("Basic"));
    }

    @Test
    void anAdvocateCannotObtainACaseLevelRecordByAnyDocumentedRequest() {
        String caseId = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry LIMIT 1",
                String.class);
        String[] advocate = basic("advocate", "advocate");
        for (String path : List.of("/api/audit/cases/" + caseId + "/history", "/api/audit/export",
                "/api/audit/export?caseId=" + caseId, "/api/audit/caseload/bamako-commune-iii", "/api/audit/access",
                "/api/audit/rebuild", "/actuator/info")) {
            assertThat(get(path, advocate).status()).as(path).isEqualTo(403);
        }
        assertThat(post("/api/audit/verify", "", advocate).status()).isEqualTo(403);
        assertThat(get("/api/caseload", advocate).text()).doesNotContain(caseId);
    }

    private List<String> tribunals() {
        List<String> ids = new ArrayList<>();
        get("/api/tribunals").json().forEach(tribunal -> ids.add(tribunal.get("id").asText()));
        return ids;
    }

    @Test
    void replayingTheRawLogGivesTheLiveFiguresOfEveryTribunal() {
        int adjourned = 0;
        for (JsonNode tribunal : get("/api/tribunals").json()) {
            String id = tribunal.get("id").asText();
            for (String period : new String[]{"", "?from=2015-01-01&to=" + REPORT_DAY,
                    "?from=2019-06-04&to=" + REPORT_DAY}) {
                String replayQuery = period.isEmpty() ? "" : period.replace("&to=", "&asOf=");
                for (String figures : new String[]{"", "/stalls"}) {
                    JsonNode live = get("/api/caseload/" + id + figures + period).json();
                    JsonNode replayed = Replays.withoutReplayFields(
                            get("/api/audit/caseload/" + id + figures + replayQuery).json());
                    assertThat(replayed).as(id + figures + period).isEqualTo(live);
                    if (!figures.isEmpty()) {
                        adjourned += live.get("adjournments").get("trialsAdjourned").asInt();
                    }
                }
            }
        }
        assertThat(adjourned).as("the docket's stall figures are not all zeros").isPositive();
    }

    /**
     * Why the 115 cases of commune III wait, in the year to the report: every trial hearing that came was adjourned,
     * mostly because the accused did not appear; the figures the README quotes.
     */
    @Test
    void atBamakoCommuneIiiEveryTrialHearingOfTheYearWasAdjourned() {
        JsonNode stalls = get("/api/caseload/bamako-commune-iii/stalls?from=2019-06-04&to=" + REPORT_DAY).json();
        JsonNode adjournments = stalls.get("adjournments");
        assertThat(adjournments.get("trialsDue").asInt()).isEqualTo(81);
        assertThat(adjournments.get("trialsAdjourned").asInt()).isEqualTo(81);
        assertThat(adjournments.get("trialAdjournedShare").asDouble()).isEqualTo(100.0);
        assertThat(adjournments.get("byReason").get("ACCUSED_ABSENT").asInt()).isEqualTo(41);
        assertThat(adjournments.get("byReason").get("WITNESS_ABSENT").asInt()).isEqualTo(13);
        assertThat(adjournments.get("byReason").get("SECURITY").asInt()).isEqualTo(12);
        JsonNode pending = stalls.get("pending");
        assertThat(sum(pending.get("byLatestHearing"))).as("every pending case once").isEqualTo(115);
        assertThat(sum(pending.get("byReportingDelay"))).isEqualTo(115);
        assertThat(pending.get("active").asInt() + sum(pending.get("suspendedByReason"))).isEqualTo(115);
        assertThat(pending.get("byLatestHearing").get("NO_HEARING").asInt()).isEqualTo(12);
        assertThat(pending.get("inactive").get(">90").asInt()).isEqualTo(73);
        assertThat(pending.get("inactive").get(">180").asInt()).isEqualTo(57);
        assertThat(pending.get("inactive").get(">365").asInt()).isEqualTo(32);
        assertThat(pending.get("byReportingDelay").get(">365").asInt()).isEqualTo(13);
        JsonNode filings = stalls.get("filings");
        assertThat(filings.get("filed").asInt()).isEqualTo(26);
        assertThat(filings.get("medianReportingDays").asDouble()).isEqualTo(45.5);
    }

    /**
     * Advocates get the stall tables of the pending cases at the end of a released month, with every cell within the
     * noise of the exact one, none below the threshold, never exactly one hidden per table; never the period's
     * adjournments or filings.
     */
    @Test
    void advocatesGetThePendingCasesStallTablesUnderTheBreakdownsProtections() {
        String[] advocate = basic("advocate", "advocate");
        awaitRelease(advocate);
        int suppressed = 0;
        int brokenDown = 0;
        for (String tribunal : tribunals()) {
            String path = "/api/caseload/" + tribunal + "/stalls?from=2019-06-01&to=2020-05-31";
            JsonNode published = get(path, advocate).json();
            JsonNode exact = get(path, basic("clerk", "clerk")).json();
            assertThat(published.get("adjournments").isNull()).as(path).isTrue();
            assertThat(published.get("filings").isNull()).as(path).isTrue();
            if (get("/api/caseload/" + tribunal + "?to=2020-05-31").json().get("pending").asInt() < 10) {
                assertThat(published.get("pending").isNull()).as(path + ": too few cases").isTrue();
                continue;
            }
            brokenDown++;
            for (String table : List.of("byLatestHearing", "suspendedByReason", "byReportingDelay")) {
                suppressed += checkPublishedCells(path + " " + table, published.get("pending").get(table),
                        exact.get("pending").get(table));
            }
        }
        assertThat(brokenDown).as("tribunals with ten cases pending or more").isEqualTo(4);
        assertThat(suppressed).as("small cells to hide").isPositive();
    }

    /**
     * During a rolling upgrade an instance of the previous release reads this release's months with a reader that
     * refuses any field it does not know: the stall tables are stored beside the months, which keep its shape.
     */
    @Test
    void thePreviousReleaseReadsTheMonthsThisOneReleases() throws Exception {
        awaitRelease(basic("advocate", "advocate"));
        ObjectMapper previous = new ObjectMapper().registerModule(new JavaTimeModule());
        List<String> stored = jdbc.queryForList("SELECT months::text FROM caseload_release_tribunal", String.class);
        assertThat(stored).isNotEmpty();
        for (String months : stored) {
            previous.readValue(months, new TypeReference<List<PreviousPublishedMonth>>() {
            });
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM caseload_release_tribunal WHERE stalls IS NOT NULL",
                Long.class)).as("the stall tables, beside the months").isPositive();
    }

    /** A month as the release before the stall figures stored and read it. */
    record PreviousPublishedMonth(YearMonth month, int pending, int neverTried, Integer activePending,
                                  Integer suspended, Map<String, Integer> ageBands, Integer beyondStandard,
                                  Double medianAgeDays, Map<String, Integer> offence, Map<String, Integer> accused,
                                  Map<String, Integer> victimGroup, Integer victims, int incoming, int outgoing) {
    }

    private static int checkPublishedCells(String what, JsonNode published, JsonNode exact) {
        int suppressed = 0;
        for (var names = exact.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode cell = published.get(name);
            if (cell.isNull()) {
                suppressed++;
            } else {
                assertThat(cell.asInt()).as(what + " " + name + ": no small count").isGreaterThanOrEqualTo(5);
                assertWithinNoise(what + " " + name, cell, exact.get(name));
            }
        }
        assertThat(suppressed).as(what + ": never exactly one hidden cell").isNotEqualTo(1);
        return suppressed;
    }

    private static int sum(JsonNode cells) {
        int sum = 0;
        for (JsonNode cell : cells) {
            sum += cell.asInt();
        }
        return sum;
    }

    @Test
    void theDemoWasRecordedAsAScenarioThroughTheRegistry() {
        List<String> sources = jdbc.queryForList(
                "SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'source' FROM domain_event_entry",
                String.class);
        assertThat(sources).containsExactly("scenario");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_docket_number WHERE docket_number NOT LIKE "
                + "'DEMO-%'", Long.class)).as("only synthetic docket numbers").isZero();
    }
}
