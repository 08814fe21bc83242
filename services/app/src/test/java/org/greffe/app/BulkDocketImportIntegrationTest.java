package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docket import as a job on the real event store, and what it must keep when others write at the same time:
 * progress followed through {@code GET /api/dockets/{jobId}}; an API filing racing the import for a docket number
 * (exactly one of them gets it, the other is refused like any refusal); API commands on cases the import is writing
 * (serialised with the import's chunks: every command of both lands once, in an order that holds).
 */
class BulkDocketImportIntegrationTest extends IntegrationTest {

    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId";
    private static final String TRIBUNAL = "gao";

    @Test
    void anImportRunsAsAJobWhoseProgressAndRejectedRowsCanBeFollowed() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2_500; i++) {
            String docket = newDocket();
            csv.append(filed(docket)).append(scheduled(docket, "H1"));
        }
        csv.append(newDocket()).append(",gao,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n");
        csv.append(newDocket()).append(",atlantis,FILED,2019-03-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n");

        Response started = send(HttpRequest.newBuilder(uri("/api/dockets")).header("Content-Type", "text/csv")
                                            .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/dockets/" + started.json().get("id").asText());
        assertThat(started.json().get("rows").asInt()).isEqualTo(5_002);
        awaitUntil("the import job ends", Duration.ofMinutes(3),
                () -> !get(location).json().get("state").asText().equals("RUNNING"));
        JsonNode job = get(location + "?offset=1&limit=5").json();
        assertThat(job.get("state").asText()).isEqualTo("DONE");
        assertThat(job.get("done").asInt()).isEqualTo(5_002);
        assertThat(job.get("accepted").asInt()).isEqualTo(5_000);
        assertThat(job.get("rejectedTotal").asInt()).isEqualTo(2);
        assertThat(job.get("rejectedListed").asInt()).isEqualTo(2);
        assertThat(job.get("rejectedAvailable").asBoolean()).isTrue();
        assertThat(job.get("rejected").findValuesAsText("error")).singleElement().asString()
                .isEqualTo("tribunalId: unknown tribunal 'atlantis'");
        assertThat(job.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(job.get("next").asText()).startsWith("correct the rejected rows and import the file again");

        assertThat(get("/api/dockets/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get("/api/dockets/not-a-job").status()).isEqualTo(404);
        assertThat(get(location + "?limit=5000").status()).isEqualTo(400);
    }

    @Test
    void anApiFilingRacingTheImportForADocketNumberLeavesExactlyOneCase() throws Exception {
        List<String> dockets = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 300; i++) {
            String docket = newDocket();
            dockets.add(docket);
            csv.append(filed(docket));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Response> imported = pool.submit(() -> postLongCsv(csv.toString()));
            List<Future<Response>> filings = new ArrayList<>();
            for (String docket : dockets) {
                filings.add(pool.submit(() -> post("/api/cases", fileCaseJson(docket, TRIBUNAL, "2019-03-01"))));
            }
            int filedByApi = 0;
            for (Future<Response> filing : filings) {
                Response answer = filing.get();
                assertThat(answer.status()).as(answer.text()).isIn(201, 409);
                filedByApi += answer.status() == 201 ? 1 : 0;
            }
            JsonNode report = imported.get().json();
            assertThat(report.get("accepted").asInt() + filedByApi).isEqualTo(300);
            assertThat(report.get("rejectedTotal").asInt()).isEqualTo(filedByApi);
            assertThat(report.get("rejected").findValuesAsText("error"))
                    .allSatisfy(error -> assertThat(error).startsWith("DOCKET_NUMBER_TAKEN"));
        } finally {
            pool.shutdownNow();
        }
        for (String docket : dockets) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_docket_number WHERE docket_number = ?",
                    Long.class, docket)).as(docket).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e JOIN registry_docket_number c
                ON c.case_id = e.aggregate_identifier WHERE c.docket_number = ANY (?)""", Long.class,
                (Object) dockets.toArray(String[]::new))).isEqualTo(300);
    }

    @Test
    void apiCommandsOnCasesTheImportIsWritingAreSerialisedWithIt() throws Exception {
        List<String> dockets = new ArrayList<>();
        StringBuilder filings = new StringBuilder(HEADER).append('\n');
        StringBuilder hearings = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 300; i++) {
            String docket = newDocket();
            dockets.add(docket);
            filings.append(filed(docket));
            hearings.append(scheduled(docket, "H1")).append(docket)
                    .append(",gao,HEARING_ADJOURNED,2019-06-04,,,,,,,,,H1,,ACCUSED_ABSENT,,\n");
        }
        assertThat(postLongCsv(filings.toString()).json().get("accepted").asInt()).isEqualTo(300);
        List<String> caseIds = new ArrayList<>();
        for (String docket : dockets) {
            caseIds.add(jdbc.queryForObject("SELECT case_id FROM registry_docket_number WHERE docket_number = ?",
                    String.class, docket));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Response> imported = pool.submit(() -> postLongCsv(hearings.toString()));
            List<Future<Response>> scheduled = new ArrayList<>();
            for (String caseId : caseIds) {
                scheduled.add(pool.submit(() -> post("/api/cases/" + caseId + "/hearings",
                        "{\"kind\":\"PRELIMINARY\",\"date\":\"2019-07-01\"}")));
            }
            for (Future<Response> answer : scheduled) {
                assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(201);
            }
            JsonNode report = imported.get().json();
            assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(600);
        } finally {
            pool.shutdownNow();
        }
        for (String caseId : caseIds) {
            List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? ORDER BY global_index", Long.class, caseId);
            assertThat(sequence).as(caseId).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    private static String filed(String docket) {
        return docket + ",gao,FILED,2019-03-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n";
    }

    private static String scheduled(String docket, String hearing) {
        return docket + ",gao,HEARING_SCHEDULED,2019-06-04,,,,,,,,," + hearing + ",TRIAL,,,\n";
    }
}
