package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.greffe.audit.application.AuditChain;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing lag is bounded and visible. A transaction held open after appending an event holds its global index, and the
 * sealer, which never seals past an index that may still commit, waits for it: verify, health and the metrics name
 * the transaction (its pid and age) and count the events waiting; beyond {@code greffe.audit.max-sealing-lag} health
 * turns DOWN. Once the transaction ends, sealing goes on. A transaction that never wrote to the event table holds
 * nothing back, even across a rolled-back append's hole. The sealer runs on its schedule here.
 */
class SealingLagIntegrationTest extends HttpIntegrationTest {

    private static final String TRIBUNAL = "gao";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "sealing-lag", false);
        registry.add("greffe.audit.gap-settle", () -> "200ms");
        registry.add("greffe.audit.max-sealing-lag", () -> "2s");
        registry.add("greffe.audit.status-refresh", () -> "0s");
    }

    @Autowired
    private AuditChain chain;

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private DataSource dataSource;

    @Test
    void aTransactionHeldOpenIsReportedWithItsAgeAndSealingGoesOnOnceItEnds() throws Exception {
        awaitSealed(indexOf(fileCase("2019-06-01")));
        CompletableFuture<long[]> held = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> transaction.executeWithoutResult(status -> {
            String caseId = UUID.randomUUID().toString();
            storageEngine.appendEvents(new GenericDomainEventMessage<>("Case", caseId, 0, filing(caseId)));
            held.complete(new long[]{jdbc.queryForObject("SELECT pg_backend_pid()", Long.class), indexOf(caseId)});
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "held-transaction");
        holder.start();
        long pid = held.get(30, TimeUnit.SECONDS)[0];
        long early = held.get()[1];
        try {
            long late = indexOf(fileCase("2019-06-02"));
            assertThat(late).isGreaterThan(early);

            awaitUntil("health reports the open transaction and the overdue event", Duration.ofSeconds(30), () -> {
                JsonNode component = auditChainHealth();
                return component.get("status").asText().equals("DOWN") && component.get("details").has("stop")
                        && component.get("details").get("stop").get("blockingTransactions").size() > 0;
            });
            JsonNode details = auditChainHealth().get("details");
            assertThat(details.get("problem").asText()).contains("more than greffe.audit.max-sealing-lag (2 s)");
            JsonNode stop = details.get("stop");
            assertThat(stop.get("kind").asText()).isEqualTo("WAITING");
            assertThat(stop.get("globalPosition").asLong()).isEqualTo(early);
            JsonNode blocking = stop.get("blockingTransactions").get(0);
            assertThat(blocking.get("pid").asLong()).isEqualTo(pid);
            assertThat(blocking.get("ageSeconds").asDouble()).isGreaterThan(1.0);
            assertThat(blocking.get("state").asText()).isEqualTo("idle in transaction");
            assertThat(details.get("unsealedEvents").asLong()).isGreaterThanOrEqualTo(1);

            JsonNode verification = post("/api/audit/verify", "").json();
            assertThat(verification.get("ok").asBoolean()).as("a late seal is no broken chain").isTrue();
            JsonNode sealing = verification.get("sealing");
            assertThat(sealing.get("overdue").asBoolean()).isTrue();
            // Overdue means older than 2 s; the age is rounded to a tenth, so 2.04 s reads 2.0.
            assertThat(sealing.get("oldestUnsealedAgeSeconds").asDouble()).isGreaterThanOrEqualTo(2.0);
            assertThat(sealing.get("stop").get("reason").asText()).contains("pid " + pid);
            assertThat(sealing.get("stop").get("blockingTransactions").get(0).get("pid").asLong()).isEqualTo(pid);

            String metrics = get("/actuator/prometheus").text();
            assertThat(sample(metrics, "greffe_audit_unsealed_events")).isGreaterThanOrEqualTo(1.0);
            assertThat(sample(metrics, "greffe_audit_oldest_unsealed_age_seconds")).isGreaterThanOrEqualTo(2.0);
            assertThat(sample(metrics, "greffe_audit_blocking_transaction_age_seconds")).isGreaterThan(1.0);
            assertThat(sealedHead()).as("nothing sealed past the open transaction's index").isLessThan(early);

            release.countDown();
            holder.join(30_000);
            awaitSealed(late);
            awaitUntil("health is UP again", Duration.ofSeconds(30),
                    () -> auditChainHealth().get("status").asText().equals("UP"));
            assertThat(sample(get("/actuator/prometheus").text(), "greffe_audit_blocking_transaction_age_seconds"))
                    .isZero();
            JsonNode after = post("/api/audit/verify", "").json();
            assertThat(after.get("ok").asBoolean()).isTrue();
            assertThat(after.get("sealing").get("stop").isNull()).as(after.toString()).isTrue();
            assertThat(after.get("sealing").get("unsealedEvents").asLong()).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTransactionThatNeverWroteToTheLogHoldsNothingBackEvenAcrossARolledBackHole() throws Exception {
        long before = indexOf(fileCase("2019-06-03"));
        awaitSealed(before);
        try (Connection unrelated = dataSource.getConnection(); Statement sql = unrelated.createStatement()) {
            unrelated.setAutoCommit(false);
            // Work of its own, with a transaction id, but no write to the log (Greffe's role may create no
            // temporary table to write to: an id is what any write would take).
            sql.execute("SELECT pg_current_xact_id()");
            // An append that rolls back leaves a hole in the global index.
            String rolledBack = UUID.randomUUID().toString();
            transaction.executeWithoutResult(status -> {
                storageEngine.appendEvents(new GenericDomainEventMessage<>("Case", rolledBack, 0,
                        filing(rolledBack)));
                status.setRollbackOnly();
            });
            long next = indexOf(fileCase("2019-06-04"));
            assertThat(next).as("a hole lies below the next event").isGreaterThan(before + 1);

            awaitSealed(next);
            unrelated.rollback();
        }
        assertThat(post("/api/audit/verify", "").json().get("ok").asBoolean()).isTrue();
    }

    private JsonNode auditChainHealth() {
        return get("/actuator/health").json().get("components").get("auditChain");
    }

    private void awaitSealed(long index) {
        awaitUntil("the chain is sealed through " + index, Duration.ofSeconds(30), () -> sealedHead() >= index);
    }

    private long sealedHead() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit_chain", Long.class);
    }

    private long indexOf(String caseId) {
        return jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);
    }

    private static double sample(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                      .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                      .orElseThrow(() -> new AssertionError("no sample " + name));
    }

    private static CaseFiled filing(String caseId) {
        return new CaseFiled(new CaseId(caseId), newDocket(), new TribunalId(TRIBUNAL), LocalDate.of(2019, 6, 5),
                null, OffenceCategory.RAPE, new Victims(0, 1, 0, 0), AccusedAffiliation.UNIDENTIFIED, null);
    }
}
