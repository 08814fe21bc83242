package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docket import killed with SIGKILL in the middle of its chunks loses none of the chunks it committed and half of
 * none: after a restart its job reads {@code STOPPED} with how to resume, importing the same file again records
 * exactly the rows that were missing, a third import records nothing, the log verifies, and the figures count every
 * case once.
 */
class ImportCrashIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId";
    private static final int CASES = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void anImportKilledMidwayIsCompletedByImportingTheFileAgain() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "crash-test")).resolve("import-" + System.nanoTime()
                + ".log");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < CASES; i++) {
            String docket = "KILL-2019-" + i;
            csv.append(docket).append(",gao,FILED,2019-03-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n")
               .append(docket).append(",gao,HEARING_SCHEDULED,2019-06-04,,,,,,,,,H1,TRIAL,,,\n");
        }
        String[] settings = {"--greffe.docket-import.chunk-rows=200", "--greffe.docket-import.stale-after=PT11S"};

        String job;
        int doneBeforeKill;
        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log, settings)) {
            HttpResponse<String> started = greffe.postCsv("/api/dockets", csv.toString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            job = started.headers().firstValue("Location").orElseThrow();
            JsonNode progress = greffe.get(job);
            while (progress.get("done").asInt() < 2_000) {
                assertThat(progress.get("state").asText()).isEqualTo("RUNNING");
                Thread.sleep(20);
                progress = greffe.get(job);
            }
            greffe.kill();
            doneBeforeKill = progress.get("done").asInt();
            assertThat(doneBeforeKill).as("killed while the import was midway").isLessThan(2 * CASES);
        }

        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log, settings)) {
            JsonNode stopped = greffe.get(job);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!stopped.get("state").asText().equals("STOPPED") && System.nanoTime() < deadline) {
                Thread.sleep(250);
                stopped = greffe.get(job);
            }
            assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
            assertThat(stopped.get("next").asText()).isEqualTo("import the same file again: the rows already "
                    + "recorded are skipped");
            assertThat(stopped.get("rejectedAvailable").asBoolean()).isFalse();

            JsonNode again = JSON.readTree(greffe.postCsv("/api/dockets?wait=true", csv.toString()).body());
            assertThat(again.get("rejectedTotal").asInt()).as(again.toString()).isZero();
            assertThat(again.get("alreadyImported").asInt()).isGreaterThanOrEqualTo(doneBeforeKill)
                                                            .isLessThan(2 * CASES);
            assertThat(again.get("accepted").asInt() + again.get("alreadyImported").asInt()).isEqualTo(2 * CASES);

            JsonNode third = JSON.readTree(greffe.postCsv("/api/dockets?wait=true", csv.toString()).body());
            assertThat(third.get("alreadyImported").asInt()).isEqualTo(2 * CASES);
            assertThat(third.get("accepted").asInt()).isZero();

            assertThat(greffe.post("/api/audit/verify", "").get("ok").asBoolean()).isTrue();
            greffe.awaitCaughtUp();
            JsonNode figures = greffe.get("/api/caseload/gao?from=2019-01-01&to=2020-06-03");
            assertThat(figures.get("pending").asInt()).as(figures.toString()).isEqualTo(CASES);
        }
    }
}
