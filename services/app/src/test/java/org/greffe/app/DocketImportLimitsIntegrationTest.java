package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docket file over the size or row limit is answered 413 before any row is applied, sent with its length or in
 * chunks; the report lists only the first rejected rows and counts them all. The limits are lowered here (the
 * defaults are 50 MB, 1,000,000 rows and 1,000 rejected rows listed), which gives this class an application context
 * of its own.
 */
@TestPropertySource(properties = {"greffe.docket-import.max-rows=3", "greffe.docket-import.max-bytes=2000",
        "greffe.docket-import.max-reported-rejections=2"})
class DocketImportLimitsIntegrationTest extends IntegrationTest {

    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId\n";

    @Test
    void moreRowsThanTheLimitIs413AndAppendsNothing() {
        String docket = newDocket();
        String filed = docket + ",kati,FILED,2019-01-10,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n";
        String withdrawn = docket + ",kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,,\n";

        JsonNode problem = tooLarge(HEADER + filed + withdrawn.repeat(3));

        assertThat(problem.get("detail").asText()).startsWith("the file has more than 3 rows");
        JsonNode atTheLimit = postCsv(HEADER + "# comments are not rows\n" + filed + withdrawn.repeat(2)).json();
        assertThat(atTheLimit.get("rows").asInt()).isEqualTo(3);
        assertThat(atTheLimit.get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void theReportListsTheFirstRejectedRowsAndCountsThemAll() {
        String unknown = newDocket() + ",atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,\n";

        Response response = postCsv(HEADER + unknown.repeat(3));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(report.get("rejectedTotal").asInt()).isEqualTo(3);
        assertThat(report.get("rejectedTruncated").asBoolean()).isTrue();
        JsonNode complete = postCsv(HEADER + unknown.repeat(2)).json();
        assertThat(complete.get("rejectedTotal").asInt()).isEqualTo(2);
        assertThat(complete.get("rejectedTruncated").asBoolean()).isFalse();
    }

    @Test
    void moreBytesThanTheLimitIs413AndAppendsNothing() {
        JsonNode problem = tooLarge(HEADER + "# " + "padding ".repeat(300) + "\n"
                + newDocket() + ",kati,FILED,2019-01-10,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n");
        assertThat(problem.get("detail").asText()).startsWith("the file is larger than 2000 bytes");
    }

    @Test
    void aChunkedFileOverTheByteLimitIs413Too() {
        String csv = HEADER + "# " + "padding ".repeat(300) + "\n"
                + newDocket() + ",kati,FILED,2019-01-10,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode problem = tooLarge(() -> send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/dockets")).version(HttpClient.Version.HTTP_1_1).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))));
        assertThat(problem.get("detail").asText()).startsWith("the file is larger than 2000 bytes");
    }

    private JsonNode tooLarge(String csv) {
        return tooLarge(() -> postCsv(csv));
    }

    private JsonNode tooLarge(Supplier<Response> request) {
        long before = eventCount();
        Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:greffe:problem:docket-too-large");
        assertThat(eventCount()).as("events appended by a refused file").isEqualTo(before);
        return response.json();
    }
}
