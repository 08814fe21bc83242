package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison event: one the caseload projection cannot fold (a suspension dated 31 February), written into the log
 * behind Greffe's back by someone with database rights, or by a bug. The projection retries it for ever and never
 * skips it; this test checks that this is seen: the health component and readiness go DOWN naming the event's global
 * position and the error, the metrics say stuck, and the figures stay those of the last good state with a position
 * that says so. A rebuild, which folds the same log with the same code, fails on the same event rather than skip it:
 * the repair is a fix of the code (docs/operations.md, Operations: a stuck projection). The event is inserted into a
 * gap of the
 * log, below events already folded, where the projection's token held its index open: the lag must count it there.
 * This test leaves a poison event in its log: it has a database of its own.
 */
class StuckProjectionIntegrationTest extends HttpIntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-iii";
    private static final String[] AUDITOR = as("auditor-1", Role.AUDITOR);
    private static final String[] CLERK = as("clerk-1", Role.CLERK);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "stuck", false);
        registry.add("greffe.metrics.refresh", () -> "200ms");
    }

    @Test
    void aPoisonEventTurnsHealthAndReadinessDownWithItsPositionWhileTheFiguresStayHonest() {
        fileCase("2019-04-01");
        awaitProjection();
        assertThat(get("/actuator/health/caseloadProjection", AUDITOR).json().get("status").asText())
                .isEqualTo("UP");
        // An index taken and never used, as by an append that rolled back: the projection passes it as a gap.
        long gap = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        fileCase("2019-04-02");
        awaitProjection();
        Response good = get("/api/caseload/" + TRIBUNAL, CLERK);
        long head = Long.parseLong(good.header("Greffe-Log-Head"));
        assertThat(head).isGreaterThan(gap);
        int pending = good.json().get("pending").asInt();

        tamper("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 0, 'Case', ?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), '1',
                    'org.greffe.events.CaseSuspended', ?)""", gap, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "{\"user\":\"clerk-1\",\"source\":\"api\",\"correlationId\":\""
                        + UUID.randomUUID() + "\"}",
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"on\":\"2020-02-31\",\"reason\":\"OTHER\"}",
                Instant.now().toString());

        awaitUntil("the caseload projection DOWN", PATIENCE,
                () -> get("/actuator/health/caseloadProjection", AUDITOR).status() == 503);
        Response component = get("/actuator/health/caseloadProjection", AUDITOR);
        JsonNode details = component.json().get("details");
        assertThat(component.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(details.at("/failingEvent/globalPosition").asLong()).as(component.text()).isEqualTo(gap);
        assertThat(details.at("/failingEvent/payloadType").asText()).isEqualTo("org.greffe.events.CaseSuspended");
        assertThat(details.get("error").asText()).as("the error says what could not be read")
                                                 .contains("LocalDate").contains("2020-02-31");
        assertThat(details.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(details.get("position").asLong()).as("the projection stops below the poison event")
                                                    .isEqualTo(gap - 1);
        assertThat(details.get("head").asLong()).isEqualTo(head);
        assertThat(details.get("repair").asText()).contains("fix the code").contains("Never delete or skip");

        Response readiness = get("/actuator/health/readiness", ANONYMOUS);
        assertThat(readiness.status()).as("not ready: its exact figures no longer move").isEqualTo(503);
        assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().has("components")).as("details for auditors only").isFalse();
        assertThat(get("/actuator/health/readiness", AUDITOR).json()
                .at("/components/caseloadProjection/details/failingEvent/globalPosition").asLong()).isEqualTo(gap);
        assertThat(get("/actuator/health/liveness", ANONYMOUS).status()).as("a restart would not help").isEqualTo(200);

        awaitUntil("greffe_processor_stuck at 1", PATIENCE,
                () -> metric("greffe_processor_stuck{processor=\"caseload\"}") == 1);
        assertThat(metric("greffe_processor_stuck_position{processor=\"caseload\"}")).isEqualTo(gap);
        assertThat(metric("greffe_processor_lag_events{processor=\"caseload\"}"))
                .as("the poison event is below the highest index read: only counting the gaps shows it").isEqualTo(1);

        Response stale = get("/api/caseload/" + TRIBUNAL, CLERK);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().get("pending").asInt()).as("the last good figures").isEqualTo(pending);
        assertThat(stale.header("Greffe-Log-Position")).as("and a position that says they miss an event")
                                                       .isEqualTo(String.valueOf(gap - 1));
        assertThat(stale.header("Greffe-Log-Head")).isEqualTo(String.valueOf(head));

        Response rebuild = post("/api/audit/rebuild", "", AUDITOR);
        assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        awaitUntil("the rebuild to end", PATIENCE,
                () -> !get("/api/audit/rebuild", AUDITOR).json().get("state").asText().equals("RUNNING"));
        JsonNode rebuilt = get("/api/audit/rebuild", AUDITOR).json();
        assertThat(rebuilt.get("state").asText()).as("a rebuild folds the same log: it fails, it does not skip")
                                                 .isEqualTo("FAILED");
        assertThat(get("/api/caseload/" + TRIBUNAL, CLERK).json().get("pending").asInt()).isEqualTo(pending);
        awaitUntil("the processor back at work after the rebuild, and still stuck", PATIENCE,
                () -> get("/actuator/health/caseloadProjection", AUDITOR).status() == 503);
    }

    private double metric(String sample) {
        String prefix = sample + " ";
        return get("/actuator/prometheus", AUDITOR).text().lines().filter(line -> line.startsWith(prefix))
                                                   .mapToDouble(line -> Double.parseDouble(line.substring(
                                                           prefix.length()))).findFirst().orElse(Double.NaN);
    }

    /** What the database's administrator, or a faulty program with the owner's rights, does behind Greffe's back. */
    private void tamper(String sql, Object... arguments) {
        dbaJdbc().update(sql, arguments);
    }
}
