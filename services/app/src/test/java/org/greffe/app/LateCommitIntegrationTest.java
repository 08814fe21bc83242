package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.model.FileCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two appends committed out of order. {@code global_index} comes from a sequence, so a filing whose transaction
 * stays open holds a lower index than one that starts and commits after it; the projection folds the later one and
 * keeps the lower index as a gap in its token, which it fills when the first commits. That fold moves neither the
 * log's head nor the highest index read: the figures, the gauges and a clerk's stream must show it all the same,
 * without waiting for some further event.
 */
class LateCommitIntegrationTest extends IntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-i";
    private static final String GAUGE = "greffe_caseload_pending{tribunal=\"" + TRIBUNAL + "\"} ";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private CaseCommands commands;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void aFilingCommittedLateIntoAGapShowsInTheFiguresTheGaugesAndTheStreamAtOnce() throws Exception {
        awaitProjection();
        int before = pending();
        CaseloadStream clerkStream = new CaseloadStream(openStream("/api/caseload/stream",
                as("clerk-stream", Role.CLERK)));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicLong lateIndex = new AtomicLong();
        AtomicReference<Throwable> lateFailure = new AtomicReference<>();
        Thread late = new Thread(() -> {
            try {
                transaction.executeWithoutResult(status -> {
                    String caseId = fileThroughTheRegistry();
                    lateIndex.set(jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ?", Long.class, caseId));
                    appended.countDown();
                    awaitLatch(commit);
                });
            } catch (Throwable e) {
                lateFailure.set(e);
                appended.countDown();
            }
        }, "late-filing");
        try {
            late.start();
            assertThat(appended.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(lateFailure.get()).isNull();

            String early = fileAt(TRIBUNAL);
            long earlyIndex = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?", Long.class, early);
            assertThat(earlyIndex).as("the open filing took the lower index").isGreaterThan(lateIndex.get());
            awaitProjection();
            assertThat(pending()).as("the early filing, folded").isEqualTo(before + 1);
            assertThat(pending()).as("the same figures again, from the cache").isEqualTo(before + 1);
            assertThat(summaryPending()).isEqualTo(before + 1);
            awaitGauge(before + 1);
            JsonNode folded = clerkStream.awaitEvent("the stream at position " + earlyIndex,
                    event -> event.get("position").asLong() == earlyIndex);
            // A segment with none of the early filing's events to fold stores its token up to a second later.
            awaitUntil("every segment's token holds the open filing's index as a gap", PATIENCE,
                    () -> {
                        List<List<Long>> tokens = tokenGaps();
                        return tokens.size() > 1 && tokens.stream().allMatch(gaps -> gaps.contains(lateIndex.get()));
                    });

            commit.countDown();
            late.join(PATIENCE.toMillis());
            assertThat(lateFailure.get()).isNull();

            awaitUntil("the late filing in the figures", PATIENCE, () -> pending() == before + 2);
            // The segment that folds the late filing stores its token with it; the other holds the gap up to a second
            // longer, which keeps the position back only if the late filing were its own.
            awaitUntil("the position back at " + earlyIndex, PATIENCE, () -> String.valueOf(earlyIndex).equals(
                    get("/api/caseload/" + TRIBUNAL, as("clerk-figures", Role.CLERK)).header("Greffe-Log-Position")));
            Response figures = get("/api/caseload/" + TRIBUNAL, as("clerk-figures", Role.CLERK));
            assertThat(figures.header("Greffe-Log-Head")).as("no event after the early filing")
                                                         .isEqualTo(String.valueOf(earlyIndex));
            assertThat(figures.json().get("pending").asInt()).isEqualTo(before + 2);
            assertThat(summaryPending()).isEqualTo(before + 2);
            awaitGauge(before + 2);
            JsonNode filled = clerkStream.awaitEvent("a new version on the stream", event ->
                    !event.get("version").equals(folded.get("version"))
                            && event.get("position").asLong() == earlyIndex);
            assertThat(filled.get("head").asLong()).as("the stream moved with the head unchanged")
                                                   .isEqualTo(earlyIndex);
        } finally {
            commit.countDown();
            clerkStream.close();
        }
    }

    /** Files a case the way the API does, through the registry's command path, in the caller's transaction. */
    private String fileThroughTheRegistry() {
        String caseId = UUID.randomUUID().toString();
        FileCase filing = new FileCase(new CaseId(caseId), newDocket(), new TribunalId(TRIBUNAL),
                LocalDate.of(2020, 1, 6), null, OffenceCategory.RAPE, new Victims(1, 0, 0, 0),
                AccusedAffiliation.UNIDENTIFIED, null);
        commands.execute(filing, new RequestContext("clerk-late", UUID.randomUUID().toString(), null, "api"),
                "late-" + caseId);
        return caseId;
    }

    private String fileAt(String tribunal) {
        Response response = post("/api/cases", fileCaseJson(newDocket(), tribunal, "2020-01-07"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("caseId").asText();
    }

    private int pending() {
        Response response = get("/api/caseload/" + TRIBUNAL, as("clerk-figures", Role.CLERK));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("pending").asInt();
    }

    private int summaryPending() {
        for (JsonNode row : get("/api/caseload", as("clerk-figures", Role.CLERK)).json()) {
            if (row.get("tribunalId").asText().equals(TRIBUNAL)) {
                return row.get("pending").asInt();
            }
        }
        throw new AssertionError("no summary row for " + TRIBUNAL);
    }

    private void awaitGauge(int expected) {
        awaitUntil(GAUGE + expected, PATIENCE, () -> {
            Response scrape = get("/actuator/prometheus", as("auditor-1", Role.AUDITOR));
            return scrape.text().lines().anyMatch(line -> line.equals(GAUGE + expected + ".0"));
        });
    }

    /** The gaps of every segment's token of the caseload processor, as stored. */
    private List<List<Long>> tokenGaps() {
        return jdbc.queryForList("SELECT convert_from(token, 'UTF8') FROM token_entry "
                + "WHERE processor_name = 'caseload' AND token IS NOT NULL", String.class).stream().map(json -> {
                    List<Long> gaps = new ArrayList<>();
                    try {
                        JSON.readTree(json).get("gaps").forEach(gap -> gaps.add(gap.asLong()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return gaps;
                }).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the late filing commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clerk's caseload stream, read on a thread of its own. */
    private static final class CaseloadStream {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

        CaseloadStream(HttpResponse<Stream<String>> response) {
            assertThat(response.statusCode()).isEqualTo(200);
            this.response = response;
            Thread reader = new Thread(() -> {
                try (Stream<String> lines = response.body()) {
                    Iterator<String> each = lines.iterator();
                    while (each.hasNext()) {
                        String line = each.next();
                        if (line.startsWith("data:")) {
                            events.add(JSON.readTree(line.substring("data:".length())));
                        }
                    }
                } catch (Exception e) {
                    // the test closed the stream, or it ended
                }
            }, "stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode awaitEvent(String what, Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
            throw new AssertionError("timed out waiting for " + what);
        }

        void close() {
            response.body().close();
        }
    }
}
