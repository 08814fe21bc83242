package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start on a log the caseload projection has not read, as for a new instance on an existing log or after a
 * migration that reset the projection: with more unread events than {@code greffe.caseload.bulk-catch-up-threshold},
 * the projection is built in bulk, by the auditors' bulk rebuild, rather than folded event by event; its figures are
 * those of the event-by-event replay; a restart does not build it again; of two instances starting together, one
 * builds and the other, finding it built, does not; and meanwhile readers on both are told how far the build is.
 *
 * <p>The log, some thousands of events, is appended straight through Greffe's event store ({@link SeededLog}), on an
 * embedded PostgreSQL of the test's own. A single Greffe runs in this JVM; two instances run as processes of their
 * own, as Axon tells instances apart by process. Nothing waits by sleeping: the tests poll the projection's position
 * against the log's head, and the rebuild's status; to see both instances decide to build and readers told of a build
 * under way, the test holds the rows the build takes, as another transaction could.
 */
class BulkCatchUpIntegrationTest {

    private static final int CASES = 600;
    private static final String LOW_THRESHOLD = "--greffe.caseload.bulk-catch-up-threshold=1000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    /** Where the instances on the test's own server keep what they keep beside the database: nothing here. */
    @TempDir
    Path elsewhere;

    @Test
    void aStartFarBehindTheLogBuildsTheProjectionInBulkOnceWithTheFiguresOfAReplay() throws Exception {
        long events = seed();
        forgetTheProjection();

        Map<String, JsonNode> bulk;
        long head;
        try (ConfigurableApplicationContext context = start(LOW_THRESHOLD)) {
            Instance greffe = reader(context);
            awaitCaughtUp(greffe);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            JsonNode status = awaitBuilt(greffe);
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.get("method").asText()).isEqualTo("bulk");
            assertThat(status.get("origin").asText()).isEqualTo("start-up");
            assertThat(status.get("eventsRead").asLong()).as("every event, read once").isEqualTo(events);
            assertThat(status.get("position").asLong()).isEqualTo(head);
            assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'caseload'",
                    Long.class)).as("the processor's segments, given by the build").isEqualTo(2);
            bulk = figures(greffe);
        }
        assertThat(bulk.get("mopti").get("pending").asLong()).as("figures to compare").isPositive();

        try (ConfigurableApplicationContext context = start(LOW_THRESHOLD)) {
            Instance greffe = reader(context);
            awaitCaughtUp(greffe);
            assertThat(greffe.get("/api/audit/rebuild").json().get("state").asText())
                    .as("a restart finds the projection built and builds nothing").isEqualTo("IDLE");
            assertThat(figures(greffe)).isEqualTo(bulk);
        }

        forgetTheProjection();
        try (ConfigurableApplicationContext context = start("--greffe.caseload.bulk-catch-up-threshold=0")) {
            Instance greffe = reader(context);
            awaitCaughtUp(greffe);
            assertThat(greffe.get("/api/audit/rebuild").json().get("state").asText())
                    .as("the bulk catch-up turned off: the processor folded the log event by event")
                    .isEqualTo("IDLE");
            assertThat(figures(greffe)).isEqualTo(bulk);
        }
    }

    @Test
    void ofTwoInstancesStartingTogetherOneBuildsWhileReadersOfBothAreToldHowFarItIs() throws Exception {
        long events = seed();
        Path log = Files.createDirectories(Path.of("target", "catch-up-test")).resolve("greffe-" + System.nanoTime()
                + ".log");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                                                         .setCleanDataDirectory(false)
                                                         .setServerConfig("fsync", "on")
                                                         .setServerConfig("synchronous_commit", "on")
                                                         .setServerConfig("full_page_writes", "on").start();
             Connection tokens = postgres.getPostgresDatabase().getConnection();
             Connection generation = postgres.getPostgresDatabase().getConnection()) {
            JdbcTemplate dba = new JdbcTemplate(postgres.getPostgresDatabase());
            // The processor's tokens at the start of the log, as after a first start on an empty log that was then
            // filled behind Greffe's back, and nothing in the projection.
            dba.update("UPDATE token_entry SET token = NULL, token_type = NULL, owner = NULL "
                    + "WHERE processor_name = 'caseload'");
            dba.update("DELETE FROM caseload_case_tribunal");
            dba.update("DELETE FROM caseload_case");
            long head = dba.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            long generationBefore = dba.queryForObject("SELECT generation FROM caseload_generation", Long.class);

            // Both instances decide to build before either can: the token rows are taken meanwhile. Each runs in a
            // process of its own, as instances do: Axon tells their processors apart by process.
            tokens.setAutoCommit(false);
            generation.setAutoCommit(false);
            take(tokens, "SELECT * FROM token_entry WHERE processor_name = 'caseload' FOR UPDATE");
            List<GreffeProcess> instances = new ArrayList<>();
            try {
                String[] onTheServer = {
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "--spring.datasource.username=" + DatabaseRoles.APP,
                    "--greffe.database.owner.username=" + DatabaseRoles.OWNER,
                    "--greffe.keys.dir=" + HttpIntegrationTest.TEST_KEYS.toAbsolutePath(), LOW_THRESHOLD};
                instances.add(GreffeProcess.start(elsewhere.resolve("first"), log, onTheServer));
                instances.add(GreffeProcess.start(elsewhere.resolve("second"), log, onTheServer));
                List<Instance> readers = instances.stream().map(BulkCatchUpIntegrationTest::reader).toList();
                for (Instance greffe : readers) {
                    JsonNode status = greffe.get("/api/audit/rebuild").json();
                    assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("RUNNING");
                    assertThat(status.get("origin").asText()).isEqualTo("start-up");
                }

                // The build that takes the tokens first is held just before it empties the projection.
                take(generation, "SELECT generation FROM caseload_generation FOR UPDATE");
                tokens.commit();
                for (Instance greffe : readers) {
                    HttpIntegrationTest.awaitUntil("readers are told a bulk build is under way", Duration.ofSeconds(60),
                            () -> "bulk".equals(greffe.get("/api/caseload").json().path("method").asText()));
                    HttpIntegrationTest.Response building = greffe.get("/api/caseload");
                    assertThat(building.status()).isEqualTo(503);
                    JsonNode problem = building.json();
                    assertThat(problem.get("type").asText()).isEqualTo("urn:greffe:problem:rebuilding");
                    assertThat(problem.get("detail").asText())
                            .contains("being built from the event log in bulk")
                            .contains("of " + String.format(Locale.ROOT, "%,d", head) + " events read");
                    assertThat(problem.get("head").asLong()).isEqualTo(head);
                    assertThat(problem.get("eventsRead").asLong()).isBetween(0L, events);
                    assertThat(problem.get("percent").asDouble()).isBetween(0.0, 100.0);
                    assertThat(building.header("Retry-After")).isNotBlank();
                }
                generation.rollback();

                JsonNode one = awaitBuilt(readers.get(0));
                JsonNode other = awaitBuilt(readers.get(1));
                assertThat(Set.of(one.get("state").asText(), other.get("state").asText()))
                        .as(one + " " + other).isEqualTo(Set.of("DONE", "SKIPPED"));
                JsonNode built = one.get("state").asText().equals("DONE") ? one : other;
                JsonNode skipped = built == one ? other : one;
                assertThat(built.get("eventsRead").asLong()).isEqualTo(events);
                assertThat(skipped.get("eventsRead").asLong()).as("the other read nothing").isZero();
                assertThat(skipped.get("position").asLong())
                        .as("it found the tokens where the build left them: no batch in flight moved them back")
                        .isEqualTo(head);
                assertThat(dba.queryForObject("SELECT generation FROM caseload_generation", Long.class))
                        .as("the projection was emptied and filled once").isEqualTo(generationBefore + 1);

                awaitCaughtUp(readers.get(0));
                awaitCaughtUp(readers.get(1));
                assertThat(figures(readers.get(1))).isEqualTo(figures(readers.get(0)));
            } finally {
                // Never leave a build waiting on this test while its instance stops.
                tokens.rollback();
                generation.rollback();
                for (GreffeProcess greffe : instances) {
                    greffe.close();
                }
            }
        }
    }

    private static void take(Connection connection, String lock) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeQuery(lock).close();
        }
    }

    /** Greffe on its own embedded database, with the log of {@link #CASES} cases appended; the count of events. */
    private long seed() throws Exception {
        try (ConfigurableApplicationContext greffe = start()) {
            long events = SeededLog.append(greffe.getBean(EventStore.class), CASES);
            assertThat(events).as("some thousands of events").isGreaterThan(3_000);
            return events;
        }
    }

    /** Forgets the projection, as a migration that resets it does: its records and its processor's tokens. */
    private void forgetTheProjection() throws SQLException, IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                                                         .setCleanDataDirectory(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM token_entry WHERE processor_name = 'caseload'");
            sql.executeUpdate("DELETE FROM caseload_case_tribunal");
            sql.executeUpdate("DELETE FROM caseload_case");
        }
    }

    /** Greffe in this JVM on its embedded PostgreSQL in {@link #dataDir}. */
    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--greffe.demo=false",
                "--greffe.data-dir=" + dataDir, "--greffe.keys.dir=" + HttpIntegrationTest.TEST_KEYS.toAbsolutePath()));
        args.addAll(TestTokens.trustArguments());
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(GreffeApplication.class).run(args.toArray(String[]::new));
    }

    /** Waits until the caseload projection has read every stored event. */
    private static void awaitCaughtUp(Instance greffe) {
        HttpIntegrationTest.awaitUntil("the caseload projection reaches the head of the log", Duration.ofSeconds(120),
                () -> {
                    HttpIntegrationTest.Response answer = greffe.get("/api/caseload");
                    return answer.status() == 200 && Long.parseLong(answer.header("Greffe-Log-Position"))
                            >= Long.parseLong(answer.header("Greffe-Log-Head"));
                });
    }

    /** Waits until the start-up build is no longer running; its status. */
    private static JsonNode awaitBuilt(Instance greffe) {
        HttpIntegrationTest.awaitUntil("the start-up build ends", Duration.ofSeconds(120),
                () -> !greffe.get("/api/audit/rebuild").json().get("state").asText().equals("RUNNING"));
        return greffe.get("/api/audit/rebuild").json();
    }

    private static Map<String, JsonNode> figures(Instance greffe) {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (String tribunal : SeededLog.TRIBUNALS) {
            figures.put(tribunal, greffe.get("/api/caseload/" + tribunal + "?from=2015-01-01&to=2020-06-03").json());
            figures.put(tribunal + "/timeline",
                    greffe.get("/api/caseload/" + tribunal + "/timeline?from=2015-01-01&to=2020-06-03").json());
        }
        figures.put("summary", greffe.get("/api/caseload").json());
        return figures;
    }

    /** A Greffe in this JVM, asked as the tests' clerk and auditor. */
    private Instance reader(ConfigurableApplicationContext greffe) {
        int port = Integer.parseInt(greffe.getEnvironment().getProperty("local.server.port"));
        return path -> {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path)).header("Authorization", TestTokens.defaultBearer()).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                return new HttpIntegrationTest.Response(answer.statusCode(), answer.headers().map(), answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** A Greffe in a process of its own, asked as the tests' clerk and auditor. */
    private static Instance reader(GreffeProcess greffe) {
        return path -> {
            try {
                HttpResponse<String> answer = greffe.send("GET", path, null);
                return new HttpIntegrationTest.Response(answer.statusCode(), answer.headers().map(), answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** A running Greffe, asked over HTTP. */
    @FunctionalInterface
    private interface Instance {

        HttpIntegrationTest.Response get(String path);
    }
}
