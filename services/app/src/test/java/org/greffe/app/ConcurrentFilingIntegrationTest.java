package org.greffe.app;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.model.ScheduleHearing;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous filings of one docket number at one tribunal: exactly one succeeds, the others are told why.
 * Simultaneous commands on one case: one after the other, each on the state the previous one committed.
 */
class ConcurrentFilingIntegrationTest extends IntegrationTest {

    @Autowired
    private CaseCommands commands;

    @Autowired
    private ClientReferences references;

    @Autowired
    private TransactionTemplate transaction;

    @RepeatedTest(5)
    void exactlyOneOfSimultaneousFilingsOfADocketNumberSucceeds() throws Exception {
        String docket = newDocket();
        long before = eventCount();
        List<Response> responses = IdempotencyIntegrationTest.concurrently(8,
                () -> post("/api/cases", fileCaseJson(docket, "tombouctou", "2019-07-01")));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(7)
                .allSatisfy(response -> assertThat(response.json().get("rule").asText())
                        .isEqualTo("DOCKET_NUMBER_TAKEN"));
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_docket_number WHERE docket_number = ?",
                Long.class, docket)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void simultaneousCommandsOnOneCaseRunOneAfterTheOther() throws Exception {
        String caseId = fileCase("2019-07-01");
        List<Response> responses = IdempotencyIntegrationTest.concurrently(6,
                () -> post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-09-01\"}"));
        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(response -> response.json().get("version").asLong())
                             .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(7);
    }

    @Test
    void aCommandWaitsForTheTransactionHoldingItsCaseAndDecidesOnWhatThatTransactionCommitted() throws Exception {
        String caseId = fileCase("2019-07-01");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first command's transaction stays open after its event is appended: the case stays locked.
            Future<CommandResult> first = pool.submit(() -> transaction.execute(status -> {
                CommandResult result = commands.execute(new ScheduleHearing(new CaseId(caseId), HearingId.random(),
                                HearingKind.PRELIMINARY, LocalDate.of(2019, 8, 1), null),
                        references.context("clerk", UUID.randomUUID().toString(), null, "api"), "first");
                recorded.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }));
            assertThat(recorded.await(60, TimeUnit.SECONDS)).as("the first command ran").isTrue();
            Future<Response> second = pool.submit(() -> post("/api/cases/" + caseId + "/hearings",
                    "{\"kind\":\"TRIAL\",\"date\":\"2019-09-01\"}"));
            Thread.sleep(1_000);
            assertThat(second.isDone()).as("the second waits while the first's transaction holds the case").isFalse();

            commit.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).version()).isEqualTo(1);
            Response answer = second.get(60, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            assertThat(answer.json().get("version").asLong()).as("decided on the event the first committed")
                                                          .isEqualTo(2);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void simultaneousCommandsOnOneCaseNeverBothPassAVersionCheck() throws Exception {
        String caseId = fileCase("2019-07-01");
        List<Response> responses = IdempotencyIntegrationTest.concurrently(6,
                () -> post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-09-01\"}",
                        "If-Match", "\"0\""));
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(2);
    }
}
