package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV docket import over HTTP on the real event store: good rows appended through the same commands as the API,
 * bad rows reported with their line and reason, a second import of the same file appending nothing, and files that
 * are no docket refused as a whole.
 */
class DocketImportIntegrationTest extends IntegrationTest {

    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId";

    @Test
    void goodRowsAreAppendedAndEachBadRowIsReportedWithItsLine() {
        String tried = newDocket();
        String never = newDocket();
        String csv = docket("""
                # Bamako commune III, 2019
                %1$s,bamako-commune-iii,FILED,2019-02-11,2018-11-30,RAPE,1,1,0,0,NON_STATE_ARMED_GROUP,MSA,,,,,
                %1$s,bamako-commune-iii,HEARING_SCHEDULED,2019-06-04,,,,,,,,,H1,TRIAL,,,
                %1$s,bamako-commune-iii,HEARING_ADJOURNED,2019-06-04,,,,,,,,,H1,,RAIN,,
                %1$s,bamako-commune-iii,HEARING_ADJOURNED,2019-06-04,,,,,,,,,H1,,ACCUSED_ABSENT,,
                %1$s,bamako-commune-iii,JUDGMENT,2019-06-10,,,,,,,,,,,,CONVICTION,
                %1$s,bamako-commune-iii,HEARING_SCHEDULED,2019-09-02,,,,,,,,,H2,TRIAL,,,
                %1$s,bamako-commune-iii,HEARING_HELD,2019-09-02,,,,,,,,,H2,,,,
                %1$s,bamako-commune-iii,JUDGMENT,2019-09-20,,,,,,,,,,,,CONVICTION,
                %2$s,atlantis,FILED,2019-01-05,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,
                %2$s,kati,SUSPENDED,2019-03-01,,,,,,,,,,,ACCUSED_AT_LARGE,,
                %2$s,mopti,FILED,2999-01-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,
                %2$s,kayes,FILED,2019-01-05,,RAPE,0,0,0,0,UNIDENTIFIED,,,,,,
                """.formatted(tried, never));
        long before = eventCount();

        Response response = postCsv(csv);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asInt()).isEqualTo(12);
        assertThat(report.get("accepted").asInt()).isEqualTo(6);
        assertThat(report.get("alreadyImported").asInt()).isZero();
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("5", "7", "11", "12", "13", "14");
        assertThat(report.get("rejectedTotal").asInt()).isEqualTo(6);
        assertThat(report.get("rejectedTruncated").asBoolean()).isFalse();
        List<String> errors = report.get("rejected").findValuesAsText("error");
        assertThat(errors.get(0)).startsWith("reason: must be one of [ACCUSED_ABSENT").endsWith("(got 'RAIN')");
        assertThat(errors.get(1)).startsWith("JUDGMENT_WITHOUT_TRIAL: a judgment needs a held TRIAL hearing");
        assertThat(errors.get(2)).isEqualTo("tribunalId: unknown tribunal 'atlantis'");
        assertThat(errors.get(3)).isEqualTo("docketNumber: no case with docket number '" + never
                + "' at tribunal kati; file it first (a FILED row earlier in the file, or POST /api/cases)");
        assertThat(errors.get(4)).startsWith("DATE_IN_FUTURE: ").contains("filed on 2999-01-01");
        assertThat(errors.get(5)).isEqualTo("women, girls, men, boys: a case has at least one victim");

        assertThat(eventCount()).isEqualTo(before + 6);
        String caseId = importedCaseId("bamako-commune-iii", tried);
        assertThat(payloadTypes(caseId)).containsExactly("CaseFiled", "HearingScheduled", "HearingAdjourned",
                "HearingScheduled", "HearingHeld", "JudgmentIssued");
        JsonNode filed = json(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId));
        assertThat(filed.get("docketNumber").asText()).isEqualTo(tried);
        assertThat(filed.get("incidentOn").asText()).isEqualTo("2018-11-30");
        assertThat(filed.get("accusedGroup").asText()).isEqualTo("MSA");
    }

    @Test
    void importingTheSameFileAgainAppendsNothing() {
        String docket = newDocket();
        String csv = docket("""
                %1$s,kati,FILED,2019-01-10,,FORCED_MARRIAGE,0,1,0,0,STATE_FORCES,,,,,,
                %1$s,kati,TRANSFERRED,2019-02-01,,,,,,,,,,,,,mopti
                %1$s,kati,SUSPENDED,2019-03-01,,,,,,,,,,,ACCUSED_AT_LARGE,,
                %1$s,kati,RESUMED,2019-01-01,,,,,,,,,,,,,
                """.formatted(docket));
        JsonNode first = postCsv(csv).json();
        long after = eventCount();

        Response again = postCsv(csv.replace(docket + ",kati", docket.toLowerCase(Locale.ROOT) + " , kati"));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        assertThat(again.json().get("rows").asInt()).isEqualTo(4);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(again.json().get("rejected")).isEqualTo(first.get("rejected"));
        assertThat(first.get("rejected").get(0).get("error").asText()).startsWith("DATE_BEFORE_FILING: ");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void rowsCanReferToACaseFiledThroughTheApi() {
        String docket = newDocket();
        Response filed = post("/api/cases", fileCaseJson(docket, "segou", "2019-03-14"));
        String caseId = filed.json().get("caseId").asText();
        String csv = docket("""
                %1$s,segou,FILED,2019-03-14,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,
                %2$s,segou,HEARING_SCHEDULED,2019-05-02,,,,,,,,,T1,TRIAL,,,
                %2$s,segou,HEARING_HELD,2019-05-02,,,,,,,,,t1,,,,
                "%2$s",segou,JUDGMENT,2019-05-20,,,,,,,,,,,,ACQUITTAL,
                """.formatted(docket, docket.toLowerCase(Locale.ROOT)));

        JsonNode report = postCsv(csv).json();

        assertThat(report.get("accepted").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("error").asText())
                .startsWith("DOCKET_NUMBER_TAKEN: a docket number is unique within its tribunal");
        assertThat(payloadTypes(caseId)).containsExactly("CaseFiled", "HearingScheduled", "HearingHeld",
                "JudgmentIssued");
        assertThat(post("/api/cases/" + caseId + "/reopening", "{\"on\":\"2019-06-01\",\"reason\":\"REMAND\"}")
                .json().get("version").asInt()).as("the API sees the imported events").isEqualTo(4);
    }

    @Test
    void aFilingRowIsHeldToTheDocketNumberFormatWordForWordAsTheApiIs() {
        long before = eventCount();
        String api = post("/api/cases", fileCaseJson("AMINATA-2019-1", "kati", "2019-01-10")).json()
                .get("detail").asText();

        JsonNode report = postCsv(docket("AMINATA-2019-1,kati,FILED,2019-01-10,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n"))
                .json();

        assertThat(report.get("rejected").get(0).get("error").asText()).isEqualTo(api)
                .startsWith("docketNumber: must be a docket number such as RG-2019-0042");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void everyImportedEventCarriesTheImportSourceAndOneCorrelationIdPerFile() {
        String docket = newDocket();
        postCsv(docket("""
                %1$s,koutiala,FILED,2019-04-01,,SEXUAL_SLAVERY,2,0,0,0,UNIDENTIFIED,,,,,,
                %1$s,koutiala,WITHDRAWN,2019-04-20,,,,,,,,,,,,,
                """.formatted(docket)));

        List<JsonNode> metaData = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class,
                importedCaseId("koutiala", docket)).stream().map(DocketImportIntegrationTest::json).toList();
        assertThat(metaData).hasSize(2).allSatisfy(data -> {
            assertThat(data.get("source").asText()).isEqualTo("import");
            assertThat(data.get("user").asText()).isEqualTo(TestTokens.DEFAULT_USER);
            assertThat(data.get("idempotencyKey").asText()).matches("import-[0-9a-f]{64}");
        });
        assertThat(metaData.get(0).get("correlationId")).isEqualTo(metaData.get(1).get("correlationId"));
        assertThat(metaData.get(0).get("idempotencyKey")).isNotEqualTo(metaData.get(1).get("idempotencyKey"));
    }

    @Test
    void aBodyThatIsNoDocketIs400AndAppendsNothing() {
        long before = eventCount();
        assertThat(invalid(fileCaseJson(newDocket(), "kati", "2019-01-01")).get("detail").asText())
                .startsWith("the file is not valid CSV: Invalid character between encapsulated token and delimiter");
        assertThat(invalid("Dear clerk\nplease find the docket attached\n").get("detail").asText())
                .startsWith("the header lacks the columns [docketNumber, tribunalId, event, date,")
                .contains("it names unknown columns [Dear clerk]");
        assertThat(invalid(HEADER.replace(",verdict", "") + "\n").get("detail").asText())
                .startsWith("the header lacks the columns [verdict]");
        assertThat(invalid(HEADER + "\n" + newDocket() + ",kati,FILED,\"2019-01-01,,,\n").get("detail").asText())
                .startsWith("the file is not valid CSV:");
        assertThat(invalid("").get("detail").asText()).startsWith("the file is empty");

        byte[] latin1 = (HEADER + "\nRG-1,s\u00e9gou,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Response notUtf8 = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/dockets?wait=true"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("detail").asText()).startsWith("the file is not UTF-8 text");

        Response json = post("/api/dockets", HEADER + "\n");
        assertThat(json.status()).as("a docket is sent as text/csv").isEqualTo(415);
        assertThat(eventCount()).isEqualTo(before);
    }

    private JsonNode invalid(String body) {
        Response response = postCsv(body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:greffe:problem:invalid-docket");
        assertThat(problem.get("title").asText()).isEqualTo("Not a docket file");
        return problem;
    }

    private static String docket(String rows) {
        return HEADER + "\n" + rows;
    }

    /** The id the import gives a case it files: derived from the tribunal and the normalised docket number. */
    private static String importedCaseId(String tribunal, String docket) {
        return UUID.nameUUIDFromBytes(("greffe-docket:" + tribunal + ":" + docket.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private List<String> payloadTypes(String caseId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, caseId).stream()
                   .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
