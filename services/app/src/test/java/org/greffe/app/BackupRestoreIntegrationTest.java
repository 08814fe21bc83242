package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup restored into a fresh database is the log as it was, and an auditor proves it against the signed tree
 * head saved before the backup: the restored Greffe verifies, is consistent with that head, and holds none of what
 * was recorded after the backup. A restore of an older backup cannot pass for the newer log: checked against a head
 * saved later, verify says so. The backup is PostgreSQL's physical one, a copy of the stopped server's data directory
 * (what {@code pg_basebackup} gives of a running server), restored by starting a server on the copy: the embedded
 * PostgreSQL the tests run on ships no {@code pg_dump}; docs/operations.md shows both kinds.
 */
class BackupRestoreIntegrationTest {

    private static final String TRIBUNAL = "gao";

    @TempDir
    Path work;

    @Test
    void aRestoredBackupVerifiesAgainstTheHeadSavedBeforeItAndAnOlderOneCannotPassForANewerLog() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "backup-test"));
        Path data = work.resolve("postgres");
        Path backup = work.resolve("backup");
        int port = DurablePostgres.freePort();
        String[] common = {"--spring.datasource.username=" + DatabaseRoles.APP,
                "--greffe.database.owner.username=" + DatabaseRoles.OWNER, "--greffe.keys.dir=" + work.resolve("keys"),
                "--greffe.audit.tree-head-interval=PT1S"};

        EmbeddedPostgres postgres = DurablePostgres.start(data, port);
        JsonNode savedHead;
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        long eventsAtBackup;
        try {
            try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
                DatabaseRoles.setUp(superuser);
            }
            try (GreffeProcess greffe = start("live", logs, port, common)) {
                for (int i = 0; i < 12; i++) {
                    before.add(file(greffe, "BCK-2019-" + i));
                }
                savedHead = signedHeadCovering(greffe, count(postgres));
                eventsAtBackup = count(postgres);
                // A cold backup: the server stopped, its data directory copied, the server started again; Greffe
                // waits out the stop (503s) and goes on.
                postgres.close();
                copy(data, backup);
                postgres = DurablePostgres.start(data, port);
                HttpIntegrationTest.awaitUntil("Greffe ready again", Duration.ofSeconds(60), () -> {
                    try {
                        return greffe.send("GET", "/actuator/health/readiness", null).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
                for (int i = 0; i < 5; i++) {
                    after.add(file(greffe, "AFT-2019-" + i));
                }
                JsonNode laterHead = signedHeadCovering(greffe, count(postgres));
                assertThat(laterHead.get("treeSize").asLong()).isGreaterThan(savedHead.get("treeSize").asLong());

                int restoredPort = DurablePostgres.freePort();
                try (EmbeddedPostgres restored = DurablePostgres.start(backup, restoredPort);
                     GreffeProcess fromBackup = start("restored", logs, restoredPort, common)) {
                    assertThat(count(restored)).as("the log as it was at the backup").isEqualTo(eventsAtBackup);
                    JsonNode verified = fromBackup.post("/api/audit/verify", savedHead.toString());
                    assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
                    assertThat(verified.get("tree").get("trustedHead").get("rootHash").asText())
                            .isEqualTo(savedHead.get("rootHash").asText());
                    assertThat(fromBackup.get("/api/audit/tree/heads/" + savedHead.get("treeSize").asLong()))
                            .as("the head signed before the backup, as restored").isEqualTo(savedHead);
                    for (String caseId : before) {
                        assertThat(history(fromBackup, caseId)).as("recorded before the backup").isEqualTo(200);
                    }
                    for (String caseId : after) {
                        assertThat(history(fromBackup, caseId)).as("recorded after the backup").isEqualTo(404);
                    }
                    fromBackup.awaitCaughtUp();
                    assertThat(fromBackup.get("/api/caseload/" + TRIBUNAL).get("pending").asInt())
                            .isEqualTo(before.size());

                    // The attacker's restore: the older backup offered as the log an auditor saved a later head of.
                    JsonNode refused = fromBackup.post("/api/audit/verify", laterHead.toString());
                    assertThat(refused.get("ok").asBoolean()).as(refused.toString()).isFalse();
                    assertThat(refused.get("tree").get("problem").asText()).isNotBlank();
                }
            }
        } finally {
            postgres.close();
        }
    }

    private GreffeProcess start(String name, Path logs, int port, String... common)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(common));
        arguments.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        return GreffeProcess.start(work.resolve(name), logs.resolve(name + "-" + System.nanoTime() + ".log"),
                arguments.toArray(String[]::new));
    }

    private static String file(GreffeProcess greffe, String docket) throws Exception {
        return greffe.post("/api/cases", """
                {"docketNumber":"%s","tribunalId":"%s","filedOn":"2019-03-14","offence":"RAPE",
                 "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}"""
                .formatted(docket, TRIBUNAL)).get("caseId").asText();
    }

    /** Seals what can be sealed until a signed head covers every stored event, and returns it. */
    private static JsonNode signedHeadCovering(GreffeProcess greffe, long events) {
        JsonNode[] head = new JsonNode[1];
        HttpIntegrationTest.awaitUntil("a signed head of " + events + " events", Duration.ofSeconds(60), () -> {
            try {
                greffe.post("/api/audit/verify", "");
                HttpResponse<String> latest = greffe.send("GET", "/api/audit/tree/heads/latest", null);
                if (latest.statusCode() != 200) {
                    return false;
                }
                head[0] = HttpIntegrationTest.JSON.readTree(latest.body());
                return head[0].get("treeSize").asLong() == events;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return head[0];
    }

    private static int history(GreffeProcess greffe, String caseId) throws Exception {
        return greffe.send("GET", "/api/audit/cases/" + caseId + "/history", null).statusCode();
    }

    private static long count(EmbeddedPostgres postgres) {
        return new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
                "SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** The stopped server's data directory, file by file: a cold physical backup. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                Path target = to.resolve(from.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!file.getFileName().toString().equals("postmaster.pid")) {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        // PostgreSQL starts only on a data directory no one else may read.
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }
}
