package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.greffe.app.security.Role;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.registry.model.FileCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} as an auditor reads it: Greffe's own meters agree with the API, count committed events
 * exactly, and sit next to Axon's dimensional meters.
 */
class MetricsIntegrationTest extends IntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-iii";
    private static final String PENDING = "greffe_caseload_pending{tribunal=\"" + TRIBUNAL + "\"}";
    private static final String NEVER_TRIED = "greffe_caseload_never_tried{tribunal=\"" + TRIBUNAL + "\"}";
    private static final String CASES_FILED = "greffe_events_appended_total{type=\"CaseFiled\"}";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})?) (\\S+)$");

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private CommandGateway commandGateway;

    /** The samples of a scrape, by name and labels as printed (labels in Micrometer's order, alphabetical). */
    private Map<String, Double> scrape() {
        Response response = get("/actuator/prometheus", as("auditor-1", Role.AUDITOR));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.text().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1).replace(",}", "}"), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private OptionalDouble sample(String key) {
        Double value = scrape().get(key);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private int summaryPending() {
        for (JsonNode row : get("/api/caseload").json()) {
            if (row.get("tribunalId").asText().equals(TRIBUNAL)) {
                return row.get("pending").asInt();
            }
        }
        throw new AssertionError("no summary row for " + TRIBUNAL);
    }

    /** The pending gauge, once it shows the figure expected (it is read at most every few seconds). */
    private void awaitPendingGauge(int expected) {
        awaitUntil(PENDING + " = " + expected, Duration.ofSeconds(30),
                () -> sample(PENDING).orElse(-1) == expected);
    }

    @Test
    void thePendingGaugeIsTheSummarysFigureAndFollowsANewCase() {
        awaitProjection();
        int pending = summaryPending();
        awaitPendingGauge(pending);
        double filed = scrape().getOrDefault(CASES_FILED, 0.0);
        assertThat(scrape()).containsKey(NEVER_TRIED);

        fileCase("2020-01-02");

        assertThat(scrape().get(CASES_FILED)).as("one CaseFiled appended").isEqualTo(filed + 1);
        awaitProjection();
        assertThat(summaryPending()).as("the summary counts the new case").isEqualTo(pending + 1);
        awaitPendingGauge(pending + 1);
    }

    /**
     * The registry runs each command in a Spring transaction of its own, around Axon's unit of work: when that
     * transaction rolls back after the command handled, the events were about to be stored but never are, and are not
     * counted.
     */
    @Test
    void aFilingRolledBackAfterItsCommandIsNotCounted() {
        double filed = scrape().getOrDefault(CASES_FILED, 0.0);
        long events = eventCount();

        transaction.executeWithoutResult(status -> {
            commandGateway.sendAndWait(new FileCase(new CaseId(UUID.randomUUID().toString()), newDocket(),
                    new TribunalId(TRIBUNAL), LocalDate.of(2020, 1, 2), null, OffenceCategory.RAPE,
                    new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED, null));
            status.setRollbackOnly();
        });

        assertThat(eventCount()).isEqualTo(events);
        assertThat(scrape().getOrDefault(CASES_FILED, 0.0)).isEqualTo(filed);
        fileCase("2020-01-02");
        assertThat(scrape().get(CASES_FILED)).as("a committed filing still counts").isEqualTo(filed + 1);
    }

    @Test
    void processorLagAndRebuildProgressArePresent() {
        Map<String, Double> samples = scrape();
        assertThat(samples.get("greffe_processor_lag_events{processor=\"caseload\"}")).isNotNull()
                                                                                       .isGreaterThanOrEqualTo(0);
        assertThat(samples.get("greffe_rebuild_percent")).isNotNull().isBetween(0.0, 100.0);
        assertThat(samples.get("greffe_rebuild_running")).isIn(0.0, 1.0);
    }

    @Test
    void axonsDimensionalMetricsArePresent() {
        fileCase("2020-01-02");
        awaitProjection();
        assertThat(scrape().get("eventProcessor_processedCounter_total{payloadType=\"CaseFiled\","
                + "processorName=\"caseload\"}")).as("Axon's dimensional meter of the caseload processor")
                                                  .isNotNull().isGreaterThanOrEqualTo(1);
    }
}
