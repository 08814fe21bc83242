package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding the caseload by Axon's replay ({@code greffe.audit.rebuild-method=replay}), on the demo docket in a
 * database of its own: progress is reported, no half-built figure is ever served, and afterwards every figure equals
 * the figures before. {@link BulkRebuildIntegrationTest} covers the default, bulk method.
 */
class RebuildIntegrationTest extends HttpIntegrationTest {

    @DynamicPropertySource
    static void ownDatabaseInDemoModeWithSmallBatches(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "rebuild", true);
        registry.add("greffe.audit.rebuild-method", () -> "replay");
        // Small batches make the replay last long enough to be watched while it runs.
        registry.add("greffe.caseload.batch-size", () -> "20");
    }

    @Test
    void aRebuildReportsItsProgressServesNoHalfBuiltFiguresAndEndsWithTheSameFigures() throws Exception {
        awaitProjection();
        assertThat(get("/api/audit/rebuild").json().get("state").asText()).isEqualTo("IDLE");
        Map<String, JsonNode> before = figures();
        // As if the records had been folded by a release that kept no hearing outcomes: the rebuild folds them anew.
        asDba(dba -> dba.update("UPDATE caseload_generation SET definitions = 1"));
        assertThat(get("/api/caseload/bamako-commune-iii/stalls?from=2015-01-02&to=2020-06-03").status())
                .as("a period not asked before: no cached answer").isEqualTo(503);

        Response started = post("/api/audit/rebuild", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get("method").asText()).isEqualTo("replay");
        long head = started.json().get("head").asLong();
        assertThat(head).isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class));
        assertThat(post("/api/audit/rebuild", "").status()).as("one rebuild at a time").isEqualTo(409);

        JsonNode status = get("/api/audit/rebuild").json();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int runningObservations = 0;
        while (status.get("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            runningObservations++;
            assertThat(status.get("percent").asDouble()).isBetween(0.0, 100.0);
            Response duringRebuild = get("/api/caseload/bamako-commune-iii");
            if (get("/api/audit/rebuild").json().get("state").asText().equals("RUNNING")
                    && duringRebuild.status() == 200) {
                // answered between the end of the replay and the monitor noticing it: must be complete
                assertThat(Long.parseLong(duringRebuild.header("Greffe-Log-Position"))).isGreaterThanOrEqualTo(head);
            } else if (duringRebuild.status() != 200) {
                assertThat(duringRebuild.status()).isEqualTo(503);
                assertThat(duringRebuild.header("Retry-After")).isEqualTo("5");
            }
            Thread.sleep(50);
            status = get("/api/audit/rebuild").json();
        }

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(status.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(status.get("finishedAt").asText()).isNotBlank();
        assertThat(runningObservations).as("the rebuild was seen running").isPositive();
        awaitProjection();
        assertThat(figures()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT definitions FROM caseload_generation", Integer.class))
                .as("the rebuild's records are under the current definitions").isEqualTo(2);
    }

    private Map<String, JsonNode> figures() {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (JsonNode tribunal : get("/api/tribunals").json()) {
            String id = tribunal.get("id").asText();
            figures.put(id, get("/api/caseload/" + id + "?from=2015-01-01&to=2020-06-03").json());
            Response stalls = get("/api/caseload/" + id + "/stalls?from=2015-01-01&to=2020-06-03");
            figures.put(id + " stalls", stalls.status() == 200 ? stalls.json() : null);
        }
        figures.put("summary", get("/api/caseload").json());
        return figures;
    }
}
