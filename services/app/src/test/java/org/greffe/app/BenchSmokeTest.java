package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness keeps working: the smoke size runs every scenario end to end against the real Greffe jar and a real
 * PostgreSQL (embedded, or the server named by {@code GREFFE_TEST_DATASOURCE_URL}), and writes a results file with
 * every scenario next to its baseline. Smoke sizes are far too small to judge the targets; the full run does that.
 */
class BenchSmokeTest {

    @Test
    void theSmokeRunMeasuresEveryScenarioAgainstItsBaselineAndWritesTheResults() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "bench-smoke"));
        Path results = out.resolve("bench-results.json");
        Files.deleteIfExists(results);
        Path benchClasses = Path.of("..", "..", "bench", "target", "classes");
        assertThat(benchClasses.resolve("org/greffe/bench/Bench.class")).as("the bench module, built before this one")
                                                                        .exists();
        // The bench as its users run it, a process of its own (its classes, with this module's test classpath for
        // the JDBC driver, Jackson and the embedded PostgreSQL), against this module's jar. C1 alone starts Greffe
        // faster; the smoke size judges no figure.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp",
                benchClasses.toAbsolutePath() + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "org.greffe.bench.Bench", "--size=smoke", "--out=" + results.toAbsolutePath(),
                "--greffe-jar=" + Path.of("target", "greffe.jar").toAbsolutePath(),
                "--greffe-jvm=-XX:TieredStopAtLevel=1"));
        String url = System.getenv("GREFFE_TEST_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            command.add("--jdbc-url=" + url);
        }
        Path log = out.resolve("bench.log");
        Process bench = new ProcessBuilder(command).redirectErrorStream(true)
                                                   .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        assertThat(bench.waitFor(15, TimeUnit.MINUTES)).as("the smoke run ends; see " + log).isTrue();
        assertThat(bench.exitValue()).as("the smoke run's exit code; see " + log).isZero();

        JsonNode written = new ObjectMapper().readTree(results.toFile());
        assertThat(written.get("size").asText()).isEqualTo("smoke");
        List<String> names = new ArrayList<>();
        for (JsonNode result : written.get("results")) {
            names.add(result.get("name").asText());
            assertThat(result.get("unit").asText()).isNotBlank();
            assertThat(result.get("baseline").asText()).isNotBlank();
            double value = result.get("value").asDouble();
            double baseline = result.get("baselineValue").asDouble();
            assertThat(baseline).as(result.get("name").asText()).isPositive();
            assertThat(value).as(result.get("name").asText()).isGreaterThanOrEqualTo(0);
            assertThat(result.get("ratio").asDouble()).as(result.get("name").asText())
                                                      .isCloseTo(value / baseline, org.assertj.core.data.Offset
                                                              .offset(0.001 + value / baseline * 0.01));
            if (result.hasNonNull("target")) {
                assertThat(result.get("met").isBoolean()).isTrue();
            }
        }
        assertThat(names).containsExactly("command path, 1 client", "command path p50, 1 client",
                "command path p99, 1 client", "command path, 16 clients", "command path p50, 16 clients",
                "command path p99, 16 clients",
                "bulk import, 500 events", "caseload read throughput", "caseload read p50", "caseload read p99",
                "caseload read throughput, 16 clients writing", "caseload read p50, 16 clients writing",
                "caseload read p99, 16 clients writing", "command path, 16 clients, 8 reading",
                "forecast p50, 2,000 pending cases, 1,000 paths, new scenario (exact)",
                "forecast p50, 2,000 pending cases, 1,000 paths, new start day (exact)",
                "forecast p50, 2,000 pending cases, 1,000 paths, first after a new case (exact)",
                "forecast p50, 2,000 pending cases, 1,000 paths, new scenario (published)",
                "processor catch-up on a first start, 5,000 events", "first rebuild after start, 5,000 events",
                "rebuild, 5,000 events", "bitemporal query, 5,000 events",
                "tuned rebuild against Axon's default processor settings",
                "rebuild after concurrent appends (gaps, recent events)", "longest rebuild stall with gaps",
                "seal, grow the tree and verify, 5,000 events", "inclusion proof size, 5,000 events",
                "inclusion proof bytes per event, 5,000 events", "consistency proof size, 5,000 events",
                "inclusion proof of one case over HTTP, 5,000 events",
                "inclusion proof of one case over HTTP against an HTTP round trip, 5,000 events",
                "consistency proof over HTTP, 5,000 events",
                "command p50, soak of 20 s on 2 instances, last third of the run",
                "command p99, soak of 20 s on 2 instances, last third of the run",
                "caseload read p99, tribunals of a fixed size, soak of 20 s on 2 instances, last third of the run",
                "caseload read p99, tribunals that grow, soak of 20 s on 2 instances, last third of the run",
                "live heap (after a full collection), soak of 20 s on 2 instances, last third of the run",
                "database connections, soak of 20 s on 2 instances, last third of the run");
        assertThat(written.get("soak")).as("the soak's windows").hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode window : written.get("soak")) {
            assertThat(window.get("writes").asLong()).as(window.toString()).isPositive();
            assertThat(window.get("reads").asLong()).as(window.toString()).isPositive();
            assertThat(window.get("growingReads").asLong()).as(window.toString()).isPositive();
            assertThat(window.get("connections").asInt()).as(window.toString()).isPositive();
        }
    }
}
