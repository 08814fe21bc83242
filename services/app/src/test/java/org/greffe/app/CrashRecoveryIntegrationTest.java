package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under crashes: the caseload projection, killed with SIGKILL in the middle of its work and started
 * again, ends with the same figures as an uninterrupted run, because its token and its rows commit together.
 */
class CrashRecoveryIntegrationTest {

    private static final List<String> TRIBUNALS = List.of("gao", "mopti", "segou", "kati");

    @TempDir
    Path dataDir;

    @Test
    void aProjectionKilledMidwayEndsWithTheFiguresOfAnUninterruptedRun() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "crash-test")).resolve("greffe-" + System.nanoTime()
                + ".log");
        Map<String, JsonNode> uninterrupted;
        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log)) {
            record(greffe);
            greffe.awaitCaughtUp();
            uninterrupted = figures(greffe);
        }

        forgetTheProjection();

        long killedAt;
        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log, "--greffe.caseload.batch-size=1")) {
            long[] state = greffe.projection();
            while (state[0] == 0) {
                state = greffe.projection();
            }
            killedAt = state[0];
            greffe.kill();
            assertThat(killedAt).as("killed while the projection was midway").isLessThan(state[1]);
        }

        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log)) {
            greffe.awaitCaughtUp();
            assertThat(figures(greffe)).isEqualTo(uninterrupted);
        }
    }

    /** About a thousand events over four tribunals: every kind of event, deterministic. */
    private static void record(GreffeProcess greffe) throws Exception {
        for (int i = 0; i < 180; i++) {
            String tribunal = TRIBUNALS.get(i % 3);
            String filedOn = java.time.LocalDate.of(2016, 1, 1).plusDays(i * 7L).toString();
            String caseId = greffe.post("/api/cases", """
                    {"docketNumber":"CRASH-2019-%d","tribunalId":"%s","filedOn":"%s","offence":"RAPE",
                     "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}"""
                    .formatted(i, tribunal, filedOn)).get("caseId").asText();
            String base = "/api/cases/" + caseId;
            String later = java.time.LocalDate.parse(filedOn).plusDays(30).toString();
            String muchLater = java.time.LocalDate.parse(filedOn).plusDays(200).toString();
            switch (i % 6) {
                case 1 -> {
                    String first = greffe.post(base + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"" + later + "\"}")
                                         .get("hearingId").asText();
                    greffe.post(base + "/hearings/" + first + "/adjournment",
                            "{\"on\":\"" + later + "\",\"reason\":\"WITNESS_ABSENT\"}");
                    String second = greffe.post(base + "/hearings",
                            "{\"kind\":\"TRIAL\",\"date\":\"" + muchLater + "\"}").get("hearingId").asText();
                    greffe.post(base + "/hearings/" + second + "/held", "{\"on\":\"" + muchLater + "\"}");
                    greffe.post(base + "/judgment", "{\"on\":\"" + muchLater + "\",\"verdict\":\"CONVICTION\"}");
                }
                case 2 -> {
                    greffe.post(base + "/suspension", "{\"on\":\"" + later + "\",\"reason\":\"ACCUSED_AT_LARGE\"}");
                    greffe.post(base + "/resumption", "{\"on\":\"" + muchLater + "\"}");
                }
                case 3 -> greffe.post(base + "/dismissal",
                        "{\"on\":\"" + later + "\",\"reason\":\"INSUFFICIENT_EVIDENCE\"}");
                case 4 -> greffe.post(base + "/transfer", "{\"on\":\"" + later + "\",\"toTribunalId\":\"kati\"}");
                case 5 -> {
                    greffe.post(base + "/withdrawal", "{\"on\":\"" + later + "\"}");
                    greffe.post(base + "/reopening", "{\"on\":\"" + muchLater + "\",\"reason\":\"NEW_EVIDENCE\"}");
                }
                default -> {
                    // filed and still pending
                }
            }
        }
    }

    private static Map<String, JsonNode> figures(GreffeProcess greffe) throws Exception {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (String tribunal : TRIBUNALS) {
            figures.put(tribunal, greffe.get("/api/caseload/" + tribunal + "?from=2016-01-01&to=2020-06-03"));
            figures.put(tribunal + "/timeline",
                    greffe.get("/api/caseload/" + tribunal + "/timeline?from=2016-01-01&to=2020-06-03"));
        }
        figures.put("summary", greffe.get("/api/caseload"));
        return figures;
    }

    /** Empties the projection and its token, so the next start replays the whole log into it. */
    private void forgetTheProjection() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                                                         .setCleanDataDirectory(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM token_entry WHERE processor_name = 'caseload'");
            statement.executeUpdate("DELETE FROM caseload_case_tribunal");
            statement.executeUpdate("DELETE FROM caseload_case");
        }
    }
}
