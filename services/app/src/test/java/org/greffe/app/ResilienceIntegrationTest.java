package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one database under concurrent writes, through every fault an operator meets: one instance
 * killed with SIGKILL, then brought back; the database stopped and started again; a rebuild of the projection on one
 * instance while clerks file through the others. Clerks file cases through every instance all along. At the end no
 * acknowledged filing is lost or stored twice, every instance shows the same figures at the same log position, the
 * auditors' replay of the raw log gives them too, and the log verifies. On the way: the survivor of the SIGKILL holds
 * every segment of the projection within 5 s; while the database is away every endpoint answers 503 problem+json
 * with {@code Retry-After} (never 500), readiness is DOWN and liveness UP, and both come back by themselves. The
 * failover and recovery times are written to {@code target/resilience-test/times.txt} and the test's log.
 */
class ResilienceIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ResilienceIntegrationTest.class);
    private static final String TRIBUNAL = "kidal";
    private static final String OWNERS = "SELECT owner FROM token_entry WHERE processor_name = 'caseload' "
            + "ORDER BY segment";
    private static final String PERIOD = "from=2016-01-01&to=2020-06-30";

    @TempDir
    Path work;

    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger attempted = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger dockets = new AtomicInteger();
    private final ExecutorService clerks = Executors.newCachedThreadPool();
    private final List<Future<?>> clerkWork = new ArrayList<>();

    @Test
    void instancesUnderLoadLoseAndDuplicateNothingThroughAKillADatabaseRestartAndARebuild() throws Exception {
        int port = DurablePostgres.freePort();
        Path data = work.resolve("postgres");
        Path logs = Files.createDirectories(Path.of("target", "resilience-test"));
        Map<String, Double> times = new LinkedHashMap<>();
        EmbeddedPostgres postgres = DurablePostgres.start(data, port);
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.setUp(superuser);
        }
        String[] arguments = {"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--spring.datasource.username=" + DatabaseRoles.APP,
                "--greffe.database.owner.username=" + DatabaseRoles.OWNER,
                // one set of keys for all: each verifies what the others append
                "--greffe.keys.dir=" + work.resolve("keys"),
                // Hikari waits 30 s for a connection by default: long enough for clients to give up first.
                "--spring.datasource.hikari.connection-timeout=2000"};
        List<GreffeProcess> instances = new ArrayList<>();
        try {
            GreffeProcess first = start(instances, "first", logs, arguments);
            GreffeProcess second = start(instances, "second", logs, arguments);
            clerk(first, 1);
            clerk(first, 2);
            clerk(second, 3);
            clerk(second, 4);
            awaitFilings(20);

            // SIGKILL the instance that holds the projection's first segment, mid-load.
            JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
            HttpIntegrationTest.awaitUntil("every segment claimed", Duration.ofSeconds(60),
                    () -> owners(database).size() == 2 && !owners(database).contains(null));
            String owner = owners(database).get(0);
            GreffeProcess victim = owner.startsWith(first.pid() + "@") ? first : second;
            GreffeProcess survivor = victim == first ? second : first;
            assertThat(owner).as("the owner is one of the two instances").startsWith(victim.pid() + "@");
            long killedAt = System.nanoTime();
            victim.kill();
            HttpIntegrationTest.awaitUntil("every segment claimed by the survivor", Duration.ofSeconds(60),
                    () -> owners(database).stream().allMatch(o -> o != null && o.startsWith(survivor.pid() + "@")));
            times.put("failover after SIGKILL (s)", seconds(killedAt));
            awaitFilings(acknowledged.size() + 10);

            // The killed instance comes back on its own data directory and takes writes again.
            GreffeProcess back = start(instances, "back", logs, arguments);
            clerk(back, 5);
            awaitFilings(acknowledged.size() + 10);

            // The database stops under load, and starts again.
            postgres.close();
            long stoppedAt = System.nanoTime();
            for (GreffeProcess instance : List.of(survivor, back)) {
                HttpIntegrationTest.awaitUntil("readiness DOWN", Duration.ofSeconds(30),
                        () -> status(instance, "/actuator/health/readiness") == 503);
            }
            times.put("readiness DOWN on both after the database stopped (s)", seconds(stoppedAt));
            for (GreffeProcess instance : List.of(survivor, back)) {
                assertThat(instance.send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
                assertOutage(instance.send("POST", "/api/cases", filing(0, 0)));
                assertOutage(instance.send("GET", "/api/caseload/" + TRIBUNAL, null));
                assertOutage(instance.send("GET", "/api/audit/cases/" + acknowledged.keySet().iterator().next()
                        + "/history", null));
                assertOutage(instance.send("GET", "/api/audit/caseload/" + TRIBUNAL + "?asOf=2020-01-01", null));
            }
            Thread.sleep(2000); // the clerks keep sending while the database is away
            postgres = DurablePostgres.start(data, port);
            long startedAt = System.nanoTime();
            for (GreffeProcess instance : List.of(survivor, back)) {
                HttpIntegrationTest.awaitUntil("readiness UP again", Duration.ofSeconds(60),
                        () -> status(instance, "/actuator/health/readiness") == 200);
            }
            times.put("readiness UP on both after the database started (s)", seconds(startedAt));
            awaitFilings(acknowledged.size() + 10);
            times.put("filings acknowledged again after the database started (s)", seconds(startedAt));

            // A rebuild on one instance while the clerks file through both.
            long rebuildAt = System.nanoTime();
            HttpResponse<String> rebuild = back.send("POST", "/api/audit/rebuild", null);
            assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
            HttpIntegrationTest.awaitUntil("the rebuild done", Duration.ofSeconds(120),
                    () -> state(back).equals("DONE"));
            times.put("rebuild while writing (s)", seconds(rebuildAt));
            awaitFilings(acknowledged.size() + 10);

            writing.set(false);
            clerks.shutdown();
            assertThat(clerks.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> clerk : clerkWork) {
                clerk.get();
            }
            assertThat(failures).as("answers other than 2xx, or 503 with Retry-After").isEmpty();

            JdbcTemplate stored = new JdbcTemplate(postgres.getPostgresDatabase());
            assertNothingLostOrDuplicated(stored);
            assertSameFiguresEverywhere(stored, List.of(survivor, back));
            JsonNode verification = survivor.post("/api/audit/verify", "");
            assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();

            StringBuilder report = new StringBuilder();
            times.forEach((what, value) -> report.append(String.format(Locale.ROOT, "%s: %.2f%n", what, value)));
            report.append("filings acknowledged: ").append(acknowledged.size()).append(" of ").append(attempted.get())
                  .append(" sent\n");
            log.info("Resilience:\n{}", report);
            Files.writeString(logs.resolve("times.txt"), report);
            assertThat(times.get("failover after SIGKILL (s)")).as("seconds from the SIGKILL to the survivor "
                    + "holding every segment").isLessThanOrEqualTo(5.0);
        } finally {
            writing.set(false);
            clerks.shutdownNow();
            for (GreffeProcess instance : instances) {
                instance.close();
            }
            postgres.close();
        }
    }

    private GreffeProcess start(List<GreffeProcess> instances, String name, Path logs, String... arguments)
            throws IOException, InterruptedException {
        GreffeProcess instance = GreffeProcess.start(work.resolve(name),
                logs.resolve(name + "-" + System.nanoTime() + ".log"), arguments);
        instances.add(instance);
        return instance;
    }

    /** Every acknowledged filing is stored once, with every hearing acknowledged on it. */
    private void assertNothingLostOrDuplicated(JdbcTemplate stored) {
        Map<String, Integer> events = new LinkedHashMap<>();
        stored.query("SELECT aggregate_identifier, count(*) AS events, count(DISTINCT sequence_number) AS distinct_ "
                + "FROM domain_event_entry GROUP BY aggregate_identifier", rs -> {
                    assertThat(rs.getInt("events")).isEqualTo(rs.getInt("distinct_"));
                    events.put(rs.getString("aggregate_identifier"), rs.getInt("events"));
                });
        acknowledged.forEach((caseId, count) -> assertThat(events.getOrDefault(caseId, 0))
                .as("the events of case %s: filed and scheduled as acknowledged (a hearing answered 503 may have "
                        + "committed too)", caseId).isBetween(count, 2));
        Integer filings = stored.queryForObject("SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0",
                Integer.class);
        Integer dockets = stored.queryForObject("SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb "
                + "->> 'docketNumber') FROM domain_event_entry WHERE sequence_number = 0", Integer.class);
        assertThat(filings).as("no filing stored twice").isEqualTo(dockets)
                           .isBetween(acknowledged.size(), attempted.get());
    }

    /** The same figures from every instance at the same position, and from the auditors' replay of the raw log. */
    private static void assertSameFiguresEverywhere(JdbcTemplate stored, List<GreffeProcess> instances)
            throws Exception {
        long head = stored.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        List<JsonNode> figures = new ArrayList<>();
        for (GreffeProcess instance : instances) {
            HttpResponse<String> answer = instance.send("GET", "/api/caseload/" + TRIBUNAL + "?" + PERIOD
                    + "&atLeast=" + head, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Greffe-Log-Position")).hasValue(String.valueOf(head));
            figures.add(HttpIntegrationTest.JSON.readTree(answer.body()));
        }
        assertThat(figures).as("every instance, at the head").allSatisfy(f -> assertThat(f).isEqualTo(figures.get(0)));
        assertThat(figures.get(0).get("pending").asInt()).isPositive();
        JsonNode replayed = instances.get(0).get("/api/audit/caseload/" + TRIBUNAL + "?asOf=2020-06-30"
                + "&from=2016-01-01&atLeast=" + head);
        assertThat(Replays.withoutReplayFields(replayed)).as("the replay of the raw log").isEqualTo(figures.get(0));
    }

    /** A clerk filing cases through the instance until the test ends, or the instance is killed. */
    private void clerk(GreffeProcess instance, int clerk) {
        clerkWork.add(clerks.submit(() -> {
            while (writing.get()) {
                int number = dockets.incrementAndGet();
                attempted.incrementAndGet();
                HttpResponse<String> filed;
                try {
                    filed = instance.send("POST", "/api/cases", filing(clerk, number));
                } catch (IOException e) {
                    if (killed(instance)) {
                        return null; // its clerk goes home, and nothing it sent was acknowledged
                    }
                    failures.add("filing " + number + ": " + e);
                    continue;
                }
                String caseId = answered(filed, "filing " + number);
                if (caseId == null) {
                    continue;
                }
                acknowledged.put(caseId, 1);
                if (number % 3 == 0) {
                    try {
                        HttpResponse<String> scheduled = instance.send("POST", "/api/cases/" + caseId + "/hearings",
                                "{\"kind\":\"TRIAL\",\"date\":\"2020-06-01\"}");
                        if (answered(scheduled, "hearing of " + caseId) != null) {
                            acknowledged.put(caseId, 2);
                        }
                    } catch (IOException e) {
                        if (killed(instance)) {
                            return null;
                        }
                        failures.add("hearing of " + caseId + ": " + e);
                    }
                }
            }
            return null;
        }));
    }

    /** Whether the instance is gone: a connection it dropped as it died may fail a moment before it is reaped. */
    private static boolean killed(GreffeProcess instance) throws InterruptedException {
        for (int i = 0; i < 20 && instance.alive(); i++) {
            Thread.sleep(100);
        }
        return !instance.alive();
    }

    /** The case id of a 2xx answer; null for 503 with {@code Retry-After}; anything else is a failure. */
    private String answered(HttpResponse<String> answer, String what) throws IOException {
        if (answer.statusCode() / 100 == 2) {
            return HttpIntegrationTest.JSON.readTree(answer.body()).get("caseId").asText();
        }
        if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()) {
            failures.add(what + ": " + answer.statusCode() + " " + answer.body());
        }
        return null;
    }

    private static String filing(int clerk, int number) {
        return """
                {"docketNumber":"RES-2019-%d%05d","tribunalId":"%s","filedOn":"2019-03-14","offence":"RAPE",
                 "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}"""
                .formatted(clerk, number, TRIBUNAL);
    }

    private void awaitFilings(int count) {
        HttpIntegrationTest.awaitUntil(count + " filings acknowledged", Duration.ofSeconds(120),
                () -> acknowledged.size() >= count || !failures.isEmpty());
        assertThat(failures).as("answers other than 2xx, or 503 with Retry-After").isEmpty();
    }

    private static List<String> owners(JdbcTemplate database) {
        return database.queryForList(OWNERS, String.class);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int status(GreffeProcess greffe, String path) {
        try {
            return greffe.send("GET", path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String state(GreffeProcess greffe) {
        try {
            return greffe.get("/api/audit/rebuild").path("state").asText();
        } catch (Exception e) {
            return "unreachable";
        }
    }

    private static void assertOutage(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).as(answer.body()).hasValue("5");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(HttpIntegrationTest.JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(503);
    }
}
