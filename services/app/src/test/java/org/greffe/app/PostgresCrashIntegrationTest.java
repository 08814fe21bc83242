package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No acknowledged event is lost when the embedded PostgreSQL itself dies: its postmaster and every server process
 * are killed with SIGKILL while clerks are writing, then Greffe too, as in a power cut; the next start finds every
 * write that was answered 2xx, through the API and in the log.
 *
 * <p>What this proves is PostgreSQL's crash recovery from its write-ahead log with {@code synchronous_commit} on (with
 * it off, a commit is acknowledged before its WAL leaves the server's memory, and a kill of the server loses it). A
 * SIGKILL leaves the operating system's page cache intact, so it cannot show that {@code fsync} reaches the disk:
 * {@code DurableDatabaseIntegrationTest} checks that setting with {@code SHOW}.
 */
class PostgresCrashIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesASigkillOfPostgresDuringWrites() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "crash-test")).resolve("postgres-kill-"
                + System.nanoTime() + ".log");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService clerks = Executors.newFixedThreadPool(2);
            List<Future<?>> work = List.of(clerks.submit(() -> write(greffe, 1, writing, acknowledged)),
                    clerks.submit(() -> write(greffe, 2, writing, acknowledged)));
            HttpIntegrationTest.awaitUntil("60 acknowledged writes", java.time.Duration.ofSeconds(60),
                    () -> acknowledged.values().stream().mapToInt(Integer::intValue).sum() >= 60);

            killPostgres();
            writing.set(false);
            clerks.shutdown();
            assertThat(clerks.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> clerk : work) {
                clerk.get();
            }
            greffe.kill();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);

        try (GreffeProcess greffe = GreffeProcess.start(dataDir, log)) {
            for (Map.Entry<String, Integer> write : acknowledged.entrySet()) {
                JsonNode history = greffe.get("/api/audit/cases/" + write.getKey() + "/history");
                assertThat(history.isArray()).as(history.toString()).isTrue();
                assertThat(history.size()).as("events of " + write.getKey() + " served")
                        .isGreaterThanOrEqualTo(write.getValue());
            }
            JsonNode verification = HttpIntegrationTest.JSON.readTree(
                    greffe.send("POST", "/api/audit/verify", "").body());
            assertThat(verification.get("firstBroken").isNull()).as(verification.toString()).isTrue();
        }

        // And in the log itself, read straight from the data directory.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                                                         .setCleanDataDirectory(false).start()) {
            JdbcTemplate stored = new JdbcTemplate(postgres.getPostgresDatabase());
            for (Map.Entry<String, Integer> write : acknowledged.entrySet()) {
                assertThat(stored.queryForObject("SELECT count(*) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ?", Integer.class, write.getKey()))
                        .as("events of " + write.getKey() + " stored")
                        .isGreaterThanOrEqualTo(write.getValue());
            }
        }
    }

    /**
     * Files cases and schedules a hearing in each, counting per case the events whose request was answered 2xx, until
     * told to stop; a request that fails (the server is gone) acknowledges nothing.
     */
    private static void write(GreffeProcess greffe, int clerk, AtomicBoolean writing,
                              Map<String, Integer> acknowledged) {
        for (int i = 0; writing.get(); i++) {
            try {
                String filedOn = LocalDate.of(2018, 1, 1).plusDays(i).toString();
                HttpResponse<String> filed = greffe.send("POST", "/api/cases", """
                        {"docketNumber":"KILL-2018-%d%05d","tribunalId":"gao","filedOn":"%s","offence":"RAPE",
                         "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}"""
                        .formatted(clerk, i, filedOn));
                if (filed.statusCode() != 201) {
                    continue;
                }
                String caseId = HttpIntegrationTest.JSON.readTree(filed.body()).get("caseId").asText();
                acknowledged.put(caseId, 1);
                HttpResponse<String> hearing = greffe.send("POST", "/api/cases/" + caseId + "/hearings",
                        "{\"kind\":\"TRIAL\",\"date\":\"" + LocalDate.parse(filedOn).plusDays(60) + "\"}");
                if (hearing.statusCode() == 201) {
                    acknowledged.put(caseId, 2);
                }
            } catch (Exception serverGone) {
                // not acknowledged: nothing to find after the restart
            }
        }
    }

    /** SIGKILL to the postmaster named in postmaster.pid and to every server process it started. */
    private void killPostgres() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> servers = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        servers.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle server : servers) {
            server.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
