package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date and instant query parameter takes 1960-01-01 to 2100-12-31 and nothing else: malformed text, days that
 * do not exist, year 0, negative or five-digit years, the JDK's extremes, huge strings and instants a billion years
 * away are each a 400 {@code urn:greffe:problem:invalid-request} naming the parameter and its form, never a 500 nor
 * a computation over millennia.
 */
class DateParametersIntegrationTest extends IntegrationTest {

    private static final String[] BAD_DATES = {
            "yesterday", "2020-02-30", "2019-13-01", "2019-1-1", "0000-01-01", "-0001-01-01", "+10000-01-01",
            "999999999-12-31", "+999999999-12-31", "-999999999-01-01", "1959-12-31", "2101-01-01",
            "2019-01-01T00:00:00Z", "9".repeat(5000), "2019-01-01\u0000"};
    private static final String[] BAD_INSTANTS = {
            "now", "2020-02-30T00:00:00Z", "2019-01-01T25:00:00Z", "2019-01-01", "2019-01-01T00:00:00",
            "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "1959-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "1561896000",
            "9".repeat(5000)};

    @Test
    void theAuditCaseloadRefusesEveryDateOrInstantOutside1960To2100() {
        List<String> failures = new ArrayList<>();
        for (String date : BAD_DATES) {
            refused(failures, "/api/audit/caseload/kidal?asOf=", date, "asOf", "a date as YYYY-MM-DD");
            refused(failures, "/api/audit/caseload/kidal?from=", date, "from", "a date as YYYY-MM-DD");
        }
        for (String instant : BAD_INSTANTS) {
            refused(failures, "/api/audit/caseload/kidal?knownAt=", instant, "knownAt", "an instant as");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theAccessLogRefusesEveryInstantOutside1960To2100() {
        List<String> failures = new ArrayList<>();
        for (String instant : BAD_INSTANTS) {
            refused(failures, "/api/audit/access?from=", instant, "from", "an instant as");
            refused(failures, "/api/audit/access?to=", instant, "to", "an instant as");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        Response earliest = get("/api/audit/caseload/kidal?from=1960-01-01&asOf=1960-01-01"
                + "&knownAt=1960-01-01T00:00:00Z");
        assertThat(earliest.status()).as(earliest.text()).isEqualTo(200);
        assertThat(earliest.json().get("asOf").asText()).isEqualTo("1960-01-01");
        Response latest = get("/api/audit/caseload/kidal?asOf=2100-12-31&knownAt="
                + encoded("2100-12-31T23:59:59.999999999Z"));
        assertThat(latest.status()).as(latest.text()).isEqualTo(200);
        Response withOffset = get("/api/audit/caseload/kidal?knownAt=" + encoded("2019-06-30T14:00:00+02:00"));
        assertThat(withOffset.json().get("knownAt").asText()).isEqualTo("2019-06-30T12:00:00Z");
        Response access = get("/api/audit/access?from=1960-01-01T00:00:00Z&to=2100-12-31T23:59:59Z&limit=1");
        assertThat(access.status()).as(access.text()).isEqualTo(200);
        assertThat(access.json().get("next").asText()).contains("from=1960-01-01T00:00:00Z");
    }

    /**
     * Covers the caseload endpoints ({@code GET /api/caseload/{id}} and its timeline), whose {@code from} and
     * {@code to} follow the same policy. Their controller belongs to the caseload service, changed on its own branch:
     * this test is kept apart so that it can be checked once both are merged.
     */
    @Test
    void theCaseloadEndpointsRefuseEveryDateOutside1960To2100() {
        List<String> failures = new ArrayList<>();
        for (String date : BAD_DATES) {
            for (String path : new String[]{"/api/caseload/kidal", "/api/caseload/kidal/timeline"}) {
                refused(failures, path + "?from=", date, "from", "YYYY-MM-DD");
                refused(failures, path + "?to=", date, "to", "YYYY-MM-DD");
            }
        }
        assertThat(failures).isEmpty();
    }

    private void refused(List<String> failures, String pathAndName, String value, String parameter, String form) {
        Response response = get(pathAndName + encoded(value));
        String what = pathAndName + shown(value) + " -> " + response.status() + " " + shown(response.text());
        boolean problem = response.header("Content-Type") != null
                && response.header("Content-Type").startsWith("application/problem+json");
        if (response.status() != 400 || !problem) {
            failures.add(what);
            return;
        }
        JsonNode body = response.json();
        String detail = body.path("detail").asText();
        if (!body.path("type").asText().equals("urn:greffe:problem:invalid-request")
                || !detail.startsWith(parameter + " must be ") || !detail.contains(form)
                || !detail.contains("1960-01-01") || !detail.contains("2100-12-31") || detail.length() > 300) {
            failures.add(what);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
