package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While its PostgreSQL is stopped, Greffe answers every request that needs the database 503 problem+json with
 * {@code Retry-After}, never 500; readiness goes DOWN, liveness stays UP (restarting the instance would not bring the
 * database back), and when the database returns Greffe takes requests again by itself, without a restart. Two clerks
 * file cases throughout; every filing answered 201 is in the log afterwards, and the figures catch up.
 */
class DatabaseOutageIntegrationTest {

    private static final String TRIBUNAL = "kidal";

    @TempDir
    Path work;

    @Test
    void aStoppedDatabaseIsAnsweredWith503AndRetryAfterAndGreffeComesBackByItself() throws Exception {
        int port = DurablePostgres.freePort();
        Path data = work.resolve("postgres");
        Path log = Files.createDirectories(Path.of("target", "outage-test")).resolve("greffe-" + System.nanoTime()
                + ".log");
        EmbeddedPostgres postgres = DurablePostgres.start(data, port);
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.setUp(superuser);
        }
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        try (GreffeProcess greffe = GreffeProcess.start(work.resolve("greffe"), log,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--spring.datasource.username=" + DatabaseRoles.APP,
                "--greffe.database.owner.username=" + DatabaseRoles.OWNER,
                // Hikari waits 30 s for a connection by default: long enough for clients to give up first.
                "--spring.datasource.hikari.connection-timeout=2000")) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService clerks = Executors.newFixedThreadPool(2);
            List<Future<?>> work = List.of(
                    clerks.submit(() -> file(greffe, 1, writing, acknowledged, failures)),
                    clerks.submit(() -> file(greffe, 2, writing, acknowledged, failures)));
            HttpIntegrationTest.awaitUntil("20 filings acknowledged", Duration.ofSeconds(60),
                    () -> acknowledged.size() >= 20);
            String someCase = acknowledged.keySet().iterator().next();

            postgres.close();

            HttpIntegrationTest.awaitUntil("readiness DOWN", Duration.ofSeconds(30),
                    () -> status(greffe, "/actuator/health/readiness") == 503);
            assertThat(greffe.send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            String filing = """
                    {"docketNumber":"DOWN-2019-1","tribunalId":"%s","filedOn":"2019-03-14","offence":"RAPE",
                     "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}""".formatted(TRIBUNAL);
            assertOutage(greffe.send("POST", "/api/cases", filing));
            assertOutage(greffe.send("POST", "/api/cases/" + someCase + "/hearings",
                    "{\"kind\":\"TRIAL\",\"date\":\"2019-06-01\"}"));
            assertOutage(greffe.send("GET", "/api/caseload/" + TRIBUNAL, null));
            assertOutage(greffe.send("GET", "/api/audit/cases/" + someCase + "/history", null));
            assertOutage(greffe.send("GET", "/api/audit/caseload/" + TRIBUNAL + "?asOf=2020-01-01", null));
            Thread.sleep(3000); // the clerks keep sending while the database is down

            postgres = DurablePostgres.start(data, port);

            HttpIntegrationTest.awaitUntil("readiness UP again", Duration.ofSeconds(60),
                    () -> status(greffe, "/actuator/health/readiness") == 200);
            int before = acknowledged.size();
            HttpIntegrationTest.awaitUntil("filings acknowledged again", Duration.ofSeconds(60),
                    () -> acknowledged.size() >= before + 10);
            writing.set(false);
            clerks.shutdown();
            assertThat(clerks.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> clerk : work) {
                clerk.get();
            }
            assertThat(failures).as("answers other than 201 or 503 with Retry-After").isEmpty();

            greffe.awaitCaughtUp();
            // A filing whose commit reached the database just as it stopped may have been answered 503: it counts too.
            JsonNode caseload = greffe.get("/api/caseload/" + TRIBUNAL);
            assertThat(caseload.get("pending").asInt()).isGreaterThanOrEqualTo(acknowledged.size());
            JdbcTemplate stored = new JdbcTemplate(postgres.getPostgresDatabase());
            for (String caseId : acknowledged.keySet()) {
                assertThat(stored.queryForObject("SELECT count(*) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ?", Integer.class, caseId))
                        .as("the filing of " + caseId).isEqualTo(1);
            }
        } finally {
            postgres.close();
        }
    }

    private static int status(GreffeProcess greffe, String path) {
        try {
            return greffe.send("GET", path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void assertOutage(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).as(answer.body()).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(HttpIntegrationTest.JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(503);
    }

    /**
     * Files cases at the test's tribunal until told to stop. A 201 is acknowledged; a 503 with {@code Retry-After}
     * is what an outage may answer; anything else is a failure of the test.
     */
    private static void file(GreffeProcess greffe, int clerk, AtomicBoolean writing, Map<String, Boolean> acknowledged,
                             Queue<String> failures) {
        for (int i = 0; writing.get(); i++) {
            try {
                HttpResponse<String> filed = greffe.send("POST", "/api/cases", """
                        {"docketNumber":"OUT-2019-%d%05d","tribunalId":"%s","filedOn":"%s","offence":"RAPE",
                         "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}"""
                        .formatted(clerk, i, TRIBUNAL, LocalDate.of(2019, 1, 1).plusDays(i % 300)));
                if (filed.statusCode() == 201) {
                    acknowledged.put(HttpIntegrationTest.JSON.readTree(filed.body()).get("caseId").asText(), true);
                } else if (filed.statusCode() != 503 || filed.headers().firstValue("Retry-After").isEmpty()) {
                    failures.add(filed.statusCode() + " " + filed.body());
                } else {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }
}
