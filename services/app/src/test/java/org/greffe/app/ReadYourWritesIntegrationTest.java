package org.greffe.app;

import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client reads its own writes: every accepted command answers the log position of its event, and the caseload read
 * sent right after it with that position ({@code atLeast}) includes the write, without the client polling. Uses
 * bamako-commune-iv, which no other integration test writes to.
 */
class ReadYourWritesIntegrationTest extends IntegrationTest {

    private static final String TRIBUNAL = "bamako-commune-iv";

    @Test
    void everyFigureReadWithTheCommandsPositionIncludesTheCommand() {
        awaitProjection();
        int before = get("/api/caseload/" + TRIBUNAL).json().get("pending").asInt();
        long previous = 0;
        for (int filed = 1; filed <= 20; filed++) {
            Response accepted = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-02-0" + (filed % 9 + 1)));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
            long position = Long.parseLong(accepted.header("Greffe-Log-Position"));
            assertThat(position).as("the filing's event, as stored")
                                .isEqualTo(jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                                        + "WHERE aggregate_identifier = ?", Long.class,
                                        accepted.json().get("caseId").asText()))
                                .isGreaterThan(previous);
            previous = position;

            Response figures = get("/api/caseload/" + TRIBUNAL + "?atLeast=" + position);
            assertThat(figures.status()).as(figures.text()).isEqualTo(200);
            assertThat(Long.parseLong(figures.header("Greffe-Log-Position"))).isGreaterThanOrEqualTo(position);
            assertThat(figures.json().get("pending").asInt()).as("filing %d, read at once", filed)
                                                             .isEqualTo(before + filed);
        }
    }

    @Test
    void aRetriedCommandAnswersTheSamePositionAndEveryCommandAnswersOne() {
        String caseId = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-03-01")).json().get("caseId")
                                                                                           .asText();
        String schedule = "{\"kind\":\"TRIAL\",\"date\":\"2020-04-01\"}";
        Response first = post("/api/cases/" + caseId + "/hearings", schedule, "Idempotency-Key", "ryw-" + caseId);
        Response retried = post("/api/cases/" + caseId + "/hearings", schedule, "Idempotency-Key", "ryw-" + caseId);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.header("Greffe-Log-Position")).isEqualTo(first.header("Greffe-Log-Position"));

        String hearingId = first.json().get("hearingId").asText();
        Response adjourned = post("/api/cases/" + caseId + "/hearings/" + hearingId + "/adjournment",
                "{\"on\":\"2020-04-01\",\"reason\":\"SECURITY\"}");
        assertThat(adjourned.status()).isEqualTo(200);
        long position = Long.parseLong(adjourned.header("Greffe-Log-Position"));
        assertThat(position).isGreaterThan(Long.parseLong(first.header("Greffe-Log-Position")));

        Response timeline = get("/api/caseload/" + TRIBUNAL + "/timeline?from=2020-01-01&to=2020-12-31&atLeast="
                + position);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(Long.parseLong(timeline.header("Greffe-Log-Position"))).isGreaterThanOrEqualTo(position);
        Response replayed = get("/api/audit/caseload/" + TRIBUNAL + "?atLeast=" + position,
                as("ryw-auditor", Role.AUDITOR));
        assertThat(replayed.status()).as(replayed.text()).isEqualTo(200);
        assertThat(replayed.json().get("position").asLong()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void aPositionNoEventHasOrFromAReaderOfPublishedFiguresIsRefusedInOneSentence() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        for (String path : new String[]{"/api/caseload/" + TRIBUNAL, "/api/audit/caseload/" + TRIBUNAL}) {
            Response past = get(path + "?atLeast=" + (head + 1_000), as("ryw-auditor", Role.AUDITOR));
            assertThat(past.status()).as(path).isEqualTo(400);
            assertThat(past.json().get("detail").asText()).contains("past the newest event of the log");
            Response nonsense = get(path + "?atLeast=soon", as("ryw-auditor", Role.AUDITOR));
            assertThat(nonsense.status()).as(path).isEqualTo(400);
            assertThat(nonsense.json().get("detail").asText()).startsWith("atLeast must be a log position");
        }
        Response advocate = get("/api/caseload/" + TRIBUNAL + "?atLeast=1", as("ryw-advocate", Role.ADVOCATE));
        assertThat(advocate.status()).isEqualTo(400);
        assertThat(advocate.json().get("detail").asText()).contains("atLeast is for exact figures");
    }
}
