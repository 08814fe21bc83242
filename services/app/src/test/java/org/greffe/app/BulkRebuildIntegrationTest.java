package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default, bulk rebuild of the caseload, on the demo docket in a database of its own: it repairs a projection
 * gone wrong in one step, the figures served afterwards (cached ones too) are the repaired ones, the processor goes
 * on from where the rebuild stopped, and an append still in flight while the rebuild read the log is not lost.
 */
class BulkRebuildIntegrationTest extends HttpIntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-iii";
    /** The demo docket records nothing dated 2015-01-01 to 2015-01-05: periods starting then count the same flows. */
    private static final String PERIOD = "?from=2015-01-02&to=2020-06-03";

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void ownDatabaseInDemoMode(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "bulk-rebuild", true);
    }

    @Test
    void aBulkRebuildRepairsTheProjectionAndTheProcessorGoesOnAfterIt() {
        awaitProjection();
        Map<String, JsonNode> before = figures();
        long incomingBefore = incoming(PERIOD);

        // The projection goes wrong behind Greffe's back: the record of a case filed in the period is lost.
        int lost = jdbc.update("""
                DELETE FROM caseload_case WHERE case_id = (SELECT case_id FROM caseload_case
                WHERE tribunal_id = ? AND filed_on BETWEEN '2015-01-03' AND '2020-06-03' LIMIT 1)""", TRIBUNAL);
        assertThat(lost).isEqualTo(1);
        String samePeriod = "?from=2015-01-03&to=2020-06-03";
        assertThat(incoming(samePeriod)).as("the loss shows").isEqualTo(incomingBefore - 1);

        JsonNode status = rebuild();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(status.get("method").asText()).isEqualTo("bulk");
        assertThat(status.get("position").asLong()).isEqualTo(head);
        assertThat(status.get("head").asLong()).isEqualTo(head);
        assertThat(status.get("eventsRead").asLong()).isEqualTo(events);
        assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(status.get("eventsPerSecond").asDouble()).isPositive();

        awaitProjection();
        assertThat(incoming(samePeriod)).as("repaired, not served from the cache").isEqualTo(incomingBefore);
        assertThat(figures()).isEqualTo(before);

        // The processor goes on from the rebuild's head: a new case counts at once.
        post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"));
        awaitProjection();
        assertThat(incoming("?from=2015-01-04&to=2020-06-03")).isEqualTo(incomingBefore + 1);
    }

    @Test
    void anAppendInFlightWhileTheRebuildReadsIsFoldedOnceItCommits() throws Exception {
        awaitProjection();
        String inFlight = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // A filing that takes its global index now and commits only after the rebuild has read the log.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT ?, 0, type, ?, meta_data,
                           convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?), 'UTF8'),
                           payload_revision, payload_type, time_stamp
                    FROM domain_event_entry WHERE payload_type = 'org.greffe.events.CaseFiled'
                    ORDER BY global_index LIMIT 1""")) {
                insert.setString(1, inFlight);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, inFlight);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"));

            JsonNode status = rebuild();
            assertThat(status.get("eventsRead").asLong()).as("the rebuild did not see the uncommitted filing")
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
            assertThat(caseRecords(inFlight)).isZero();
            connection.commit();
        }
        awaitUntil("the filing committed after the rebuild is folded", Duration.ofSeconds(30),
                () -> caseRecords(inFlight) == 1);
    }

    private JsonNode rebuild() {
        Response started = post("/api/audit/rebuild", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("method").asText()).isEqualTo("bulk");
        awaitUntil("the rebuild is done", Duration.ofSeconds(60),
                () -> !get("/api/audit/rebuild").json().get("state").asText().equals("RUNNING"));
        JsonNode status = get("/api/audit/rebuild").json();
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("DONE");
        return status;
    }

    private long incoming(String period) {
        return get("/api/caseload/" + TRIBUNAL + period).json().get("measures").get("incoming").asLong();
    }

    private long caseRecords(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM caseload_case WHERE case_id = ?", Long.class, caseId);
    }

    private Map<String, JsonNode> figures() {
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (JsonNode tribunal : get("/api/tribunals").json()) {
            String id = tribunal.get("id").asText();
            figures.put(id, get("/api/caseload/" + id + PERIOD).json());
        }
        figures.put("summary", get("/api/caseload").json());
        return figures;
    }
}
