package org.greffe.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried request with the same Idempotency-Key gets the first answer and records nothing new. */
class IdempotencyIntegrationTest extends IntegrationTest {

    @Test
    void theSameKeyAndBodyReturnsTheSameResponseAndAppendsNothing() {
        String body = fileCaseJson(newDocket(), "kati", "2019-05-05");
        Response first = post("/api/cases", body, "Idempotency-Key", "idem-same-1");
        long after = eventCount();
        Response retry = post("/api/cases", body.replace(",", ", "), "Idempotency-Key", "idem-same-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndAppendsNothing() {
        Response first = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-05-05"),
                "Idempotency-Key", "idem-diff-1");
        assertThat(first.status()).isEqualTo(201);
        long after = eventCount();
        Response other = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-05-06"),
                "Idempotency-Key", "idem-diff-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asText()).contains("already used for a different request");
        assertThat(eventCount()).isEqualTo(after);

        String caseId = first.json().get("caseId").asText();
        Response samePathOtherEndpoint = post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2019-06-01\"}",
                "Idempotency-Key", "idem-diff-1");
        assertThat(samePathOtherEndpoint.status()).isEqualTo(422);
    }

    @Test
    void aRetryOfAHearingScheduleDoesNotScheduleASecondHearing() {
        String caseId = fileCase("2019-05-05");
        String body = "{\"kind\":\"TRIAL\",\"date\":\"2019-09-09\"}";
        Response first = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-hearing-1");
        Response retry = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-hearing-1");
        assertThat(retry.json().get("hearingId")).isEqualTo(first.json().get("hearingId"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(2);
    }

    @Test
    void aRetryOfACommandSentWithIfMatchAnswersTheVersionItMadeAfterTheCaseMovedOn() {
        String caseId = fileCase("2019-05-05");
        String body = "{\"kind\":\"TRIAL\",\"date\":\"2019-09-09\"}";
        Response first = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-match-1",
                "If-Match", "\"0\"");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2019-06-01\"}").status())
                .isEqualTo(200);
        Response retry = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-match-1",
                "If-Match", "\"0\"");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(3);
    }

    @Test
    void aResponseRecordedByThePreviousVersionAnswersItsRetryTheSame() {
        String caseId = fileCase("2019-05-05");
        String body = "{\"kind\":\"PRELIMINARY\",\"date\":\"2019-09-10\"}";
        Response first = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-upgrade-1");
        assertThat(first.status()).isEqualTo(201);
        String hearingId = first.json().get("hearingId").asText();
        String answered = "{\"caseId\":\"" + caseId + "\",\"hearingId\":\"" + hearingId + "\",\"version\":1}";
        assertThat(first.text()).isEqualTo(answered);
        // Exactly as the previous version stored its answer: status, location and the body as sent.
        assertThat(jdbc.update("UPDATE registry_idempotency SET status = 201, location = ?, version = 1, body = ? "
                + "WHERE body LIKE ?", first.header("Location"), answered, "%" + hearingId + "%")).isEqualTo(1);

        Response retry = post("/api/cases/" + caseId + "/hearings", body, "Idempotency-Key", "idem-upgrade-1");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(answered);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"))
                                            .isEqualTo("/api/cases/" + caseId + "/hearings/" + hearingId);
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRejectedRequestDoesNotConsumeItsKey() {
        String caseId = fileCase("2019-05-05");
        Response tooEarly = post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2019-01-01\"}",
                "Idempotency-Key", "idem-rejected-1");
        assertThat(tooEarly.status()).isEqualTo(409);
        Response corrected = post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2019-06-01\"}",
                "Idempotency-Key", "idem-rejected-1");
        assertThat(corrected.status()).isEqualTo(200);
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOnce() throws Exception {
        String body = fileCaseJson(newDocket(), "koulikoro", "2019-05-05");
        long before = eventCount();
        List<Response> responses = concurrently(8, () -> post("/api/cases", body, "Idempotency-Key", "idem-race-1"));
        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(response -> response.json().get("caseId").asText()).containsOnly(
                responses.get(0).json().get("caseId").asText());
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void anInvalidKeyIs400() {
        Response response = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-05-05"),
                "Idempotency-Key", "x".repeat(300));
        assertThat(response.status()).isEqualTo(400);
    }

    static List<Response> concurrently(int clients, Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
