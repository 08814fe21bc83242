package org.greffe.app;

import org.junit.jupiter.api.RepeatedTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Simultaneous filings of one docket number at one tribunal: exactly one succeeds, the others are told why. */
class ConcurrentFilingIntegrationTest extends IntegrationTest {

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
