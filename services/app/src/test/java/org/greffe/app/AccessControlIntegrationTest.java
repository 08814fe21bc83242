package org.greffe.app;

import org.greffe.app.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role, anonymous included, with the status each must get. The table is the access policy:
 * docs/api.md, section Access says the same, and a test fails if an endpoint exists that the table does not cover.
 * Allowed cells expect the endpoint's own answer (201, 200, or 404 for an unknown case), which proves the request
 * went past the security rules; refused cells expect exactly 401 or 403 as problem+json, and no event appended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIntegrationTest extends IntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-v";
    private static final String UNKNOWN_CASE = "/api/cases/" + UUID.randomUUID();
    private static final UUID UNKNOWN_JOB = UUID.randomUUID();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String caseId;
    private long headSize;

    @Autowired
    private org.greffe.audit.application.AuditChain chain;

    @Autowired
    private org.greffe.audit.application.AuditTree tree;

    /** One row: a request, its route as Spring declares it, and the status for anonymous, clerk, advocate, auditor. */
    private record Row(String method, String route, String path, String contentType, String body, int anonymous,
                       int clerk, int advocate, int auditor) {

        int expected(String identity) {
            return switch (identity) {
                case "anonymous" -> anonymous;
                case "clerk" -> clerk;
                case "advocate" -> advocate;
                case "auditor" -> auditor;
                default -> throw new IllegalArgumentException(identity);
            };
        }
    }

    @BeforeAll
    void aCase() {
        caseId = fileCase("2019-05-02");
        AuditChainIntegrationTest.sealThrough(chain, jdbc, jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId));
        headSize = tree.signHead().orElseThrow().treeSize();
    }

    private List<Row> table() {
        String json = "application/json";
        String on = "{\"on\":\"2020-01-02\"}";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET", "/actuator/health", "/actuator/health", null, null, 200, 200, 200, 200));
        rows.add(new Row("GET", "/actuator/health/**", "/actuator/health/liveness", null, null, 200, 200, 200, 200));
        rows.add(new Row("GET", "/actuator/info", "/actuator/info", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/actuator/prometheus", "/actuator/prometheus", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/v3/api-docs", "/v3/api-docs", null, null, 200, 200, 200, 200));
        rows.add(new Row("GET", "/api/tribunals", "/api/tribunals", null, null, 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/dashboard/first-view", "/api/dashboard/first-view", null, null,
                401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload", "/api/caseload", null, null, 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload/{tribunalId}", "/api/caseload/" + TRIBUNAL, null, null,
                401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload/{tribunalId}/timeline", "/api/caseload/" + TRIBUNAL + "/timeline",
                null, null, 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload/{tribunalId}/stalls", "/api/caseload/" + TRIBUNAL + "/stalls",
                null, null, 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload/{tribunalId}/forecast", "/api/caseload/" + TRIBUNAL + "/forecast",
                null, null, 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/caseload/stream", "/api/caseload/stream", null, null, 401, 200, 200, 200));
        for (String asset : List.of("/", "/index.html", "/app.js", "/app.css")) {
            rows.add(new Row("GET", "(dashboard asset)", asset, null, null, 200, 200, 200, 200));
        }
        rows.add(new Row("POST", "/api/cases", "/api/cases", json, null, 401, 201, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/hearings", UNKNOWN_CASE + "/hearings", json,
                "{\"kind\":\"TRIAL\",\"date\":\"2020-01-02\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/hearings/{hearingId}/adjournment",
                UNKNOWN_CASE + "/hearings/" + UUID.randomUUID() + "/adjournment", json,
                "{\"on\":\"2020-01-02\",\"reason\":\"OTHER\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/hearings/{hearingId}/held",
                UNKNOWN_CASE + "/hearings/" + UUID.randomUUID() + "/held", json, on, 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/judgment", UNKNOWN_CASE + "/judgment", json,
                "{\"on\":\"2020-01-02\",\"verdict\":\"CONVICTION\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/dismissal", UNKNOWN_CASE + "/dismissal", json,
                "{\"on\":\"2020-01-02\",\"reason\":\"OTHER\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/withdrawal", UNKNOWN_CASE + "/withdrawal", json, on,
                401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/transfer", UNKNOWN_CASE + "/transfer", json,
                "{\"on\":\"2020-01-02\",\"toTribunalId\":\"gao\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/suspension", UNKNOWN_CASE + "/suspension", json,
                "{\"on\":\"2020-01-02\",\"reason\":\"OTHER\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/resumption", UNKNOWN_CASE + "/resumption", json, on,
                401, 404, 403, 403));
        rows.add(new Row("POST", "/api/cases/{caseId}/reopening", UNKNOWN_CASE + "/reopening", json,
                "{\"on\":\"2020-01-02\",\"reason\":\"OTHER\"}", 401, 404, 403, 403));
        rows.add(new Row("POST", "/api/dockets", "/api/dockets", "text/csv",
                "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,"
                        + "hearing,hearingKind,reason,verdict,toTribunalId\n", 401, 202, 403, 403));
        rows.add(new Row("GET", "/api/dockets/{jobId}", "/api/dockets/" + UNKNOWN_JOB, null, null, 401, 404, 403,
                404));
        rows.add(new Row("GET", "/api/cases/{caseId}", "/api/cases/" + caseId, null, null, 401, 200, 403, 200));
        rows.add(new Row("GET", "/api/cases", "/api/cases?docketNumber=RG-2019-1", null,
                null, 401, 200, 403, 200));
        rows.add(new Row("GET", "/api/audit/cases/{caseId}/history", "/api/audit/cases/" + caseId + "/history",
                null, null, 401, 200, 403, 200));
        rows.add(new Row("GET", "/api/audit/caseload/{tribunalId}", "/api/audit/caseload/" + TRIBUNAL
                + "?asOf=2020-06-03", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/caseload/{tribunalId}/stalls", "/api/audit/caseload/" + TRIBUNAL
                + "/stalls?asOf=2020-06-03", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/forecast/{tribunalId}", "/api/audit/forecast/" + TRIBUNAL
                + "?asOf=2020-06-03&months=3", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/forecast-accuracy/{tribunalId}", "/api/audit/forecast-accuracy/"
                + TRIBUNAL + "?to=2020-05&origins=2&horizon=1", null, null, 401, 403, 403, 200));
        rows.add(new Row("POST", "/api/audit/verify", "/api/audit/verify", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/export", "/api/audit/export?caseId=" + caseId, null, null,
                401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/rebuild", "/api/audit/rebuild", null, null, 401, 403, 403, 200));
        rows.add(new Row("POST", "/api/audit/rebuild", "/api/audit/rebuild", null, null, 401, 403, 403, 202));
        rows.add(new Row("GET", "/api/audit/access", "/api/audit/access", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/heads/latest", "/api/audit/tree/heads/latest", null, null,
                401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/heads/{treeSize}", "/api/audit/tree/heads/" + headSize, null, null,
                401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/keys", "/api/audit/tree/keys", null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/keys/{keyId}", "/api/audit/tree/keys/current", null, null,
                401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/inclusion", "/api/audit/tree/inclusion?caseId=" + caseId
                + "&treeSize=" + headSize, null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/audit/tree/consistency", "/api/audit/tree/consistency?from=1&to=" + headSize,
                null, null, 401, 403, 403, 200));
        rows.add(new Row("GET", "(no such endpoint)", "/api/no-such-endpoint", null, null, 401, 403, 403, 403));
        rows.add(new Row("DELETE", "(no such endpoint)", "/api/cases", null, null, 401, 403, 403, 403));
        return rows;
    }

    private Map<String, String[]> identities() {
        Map<String, String[]> identities = new LinkedHashMap<>();
        identities.put("anonymous", ANONYMOUS);
        identities.put("clerk", as("clerk-1", Role.CLERK));
        identities.put("advocate", as("advocate-1", Role.ADVOCATE));
        identities.put("auditor", as("auditor-1", Role.AUDITOR));
        return identities;
    }

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            for (Map.Entry<String, String[]> identity : identities().entrySet()) {
                long events = eventCount();
                Response response = call(row, identity.getValue());
                int expected = row.expected(identity.getKey());
                if (response.status() != expected) {
                    wrong.add(identity.getKey() + " " + row.method() + " " + row.path() + ": expected " + expected
                            + ", got " + response.status() + " " + response.text());
                }
                if (expected == 401 || expected == 403) {
                    assertThat(response.header("Content-Type")).as(row.path())
                                                               .startsWith("application/problem+json");
                    assertThat(response.json().get("status").asInt()).isEqualTo(expected);
                    assertThat(eventCount()).as("a refused request appends nothing").isEqualTo(events);
                }
                if (expected == 401) {
                    assertThat(response.header("WWW-Authenticate")).as(row.path()).startsWith("Bearer");
                }
                if (row.route().equals("/api/audit/rebuild") && row.method().equals("POST") && expected == 202) {
                    awaitUntil("the rebuild is done", Duration.ofSeconds(60),
                            () -> get("/api/audit/rebuild").json().get("state").asText().equals("DONE"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTableCoversEveryEndpointTheApplicationHas() {
        Set<String> covered = new TreeSet<>();
        table().forEach(row -> covered.add(row.method() + " " + row.route()));
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("org.greffe")) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                mapping.getKey().getMethodsCondition().getMethods().forEach(method -> {
                    if (!covered.contains(method.name() + " " + pattern)) {
                        missing.add(method.name() + " " + pattern);
                    }
                });
            }
        }
        assertThat(missing).as("endpoints without a row in the access table").isEmpty();
    }

    @Test
    void aTokenWithoutAGreffeRoleGetsNothingButHealth() {
        String[] outsider = as("outsider", new Role[0]);
        assertThat(get("/api/caseload", outsider).status()).isEqualTo(403);
        assertThat(post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"), outsider).status())
                .isEqualTo(403);
        assertThat(get("/actuator/health", outsider).status()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndMalformedTokensAreRefusedWith401() {
        String forged = "Bearer " + TestTokens.forgedToken("mallory", Role.AUDITOR);
        String expired = "Bearer " + TestTokens.token(Map.of("sub", "late", "roles", List.of("AUDITOR")), -600);
        String unsigned = "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQVVESVRPUiJdfQ.";
        for (String token : List.of(forged, expired, unsigned, "Bearer not-a-token")) {
            Response response = get("/api/audit/access", "Authorization", token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(response.json().get("type").asText()).isEqualTo("urn:greffe:problem:unauthenticated");
        }
    }

    @Test
    void outsideDemoModeThereAreNoPasswords() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:clerk".getBytes());
        Response response = get("/api/caseload", "Authorization", basic);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).doesNotContain("Basic");
    }

    @Test
    void theUserRecordedOnAnEventIsTheSignedInUser() {
        String filed = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"),
                as("awa.traore", Role.CLERK)).json().get("caseId").asText();
        assertThat(get("/api/audit/cases/" + filed + "/history").json().get(0).get("recordedBy").asText())
                .isEqualTo("awa.traore");
    }

    private Response call(Row row, String[] identity) {
        if (row.route().equals("/api/caseload/stream")) {
            // The stream never ends: keep its status and headers, and its body only when it is a refusal.
            java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = openStream(row.path(), identity);
            try (java.util.stream.Stream<String> lines = stream.body()) {
                String text = stream.statusCode() == 200 ? ""
                        : lines.collect(java.util.stream.Collectors.joining("\n"));
                return new Response(stream.statusCode(), stream.headers().map(), text);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row.path()));
        String body = row.body();
        if (row.route().equals("/api/cases") && row.method().equals("POST")) {
            body = fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02");
        }
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
        }
        request.method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(request, identity);
    }
}
