package org.greffe.app;

import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No reader can make the caseload work without bound: periods are capped, and so are the streams a user holds. */
class CaseloadLimitsIntegrationTest extends IntegrationTest {

    @Test
    void aPeriodLongerThanTenYearsIsRefusedForEveryReader() {
        awaitRelease(as("limits-advocate", Role.ADVOCATE));
        for (String[] reader : List.of(as("limits-clerk", Role.CLERK), as("limits-advocate", Role.ADVOCATE))) {
            for (String path : List.of("/api/caseload/kidal", "/api/caseload/kidal/timeline")) {
                Response refused = get(path + "?from=2009-12-31&to=2020-01-01", reader);
                assertThat(refused.status()).as(path).isEqualTo(400);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.json().get("detail").asText()).contains("longer than 10 years");
                assertThat(get(path + "?from=2010-01-01&to=2020-01-01", reader).status()).as(path + ": ten years")
                                                                                     .isEqualTo(200);
            }
        }
    }

    @Test
    void aUserHoldsAtMostFourStreamsAndAnotherUserIsNotHeldBack() {
        String[] greedy = as("greedy-reader", Role.ADVOCATE);
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<Stream<String>> stream = openStream("/api/caseload/stream", greedy);
                open.add(stream);
                assertThat(stream.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
            }
            Response fifth = get("/api/caseload/stream", greedy);
            assertThat(fifth.status()).isEqualTo(429);
            assertThat(fifth.header("Content-Type")).startsWith("application/problem+json");
            assertThat(fifth.json().get("detail").asText()).contains("close one");

            HttpResponse<Stream<String>> other = openStream("/api/caseload/stream", as("patient-reader",
                    Role.ADVOCATE));
            open.add(other);
            assertThat(other.statusCode()).as("another user").isEqualTo(200);

            open.remove(0).body().close();
            // The server learns a stream closed when a write to it fails: a heartbeat every 15 s, and the first write
            // after the client closed may still be taken by the socket, so up to two heartbeats, 30 s, and a margin.
            awaitUntil("a closed stream frees its place", java.time.Duration.ofSeconds(50), () -> {
                HttpResponse<Stream<String>> again = openStream("/api/caseload/stream", greedy);
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            open.forEach(stream -> stream.body().close());
        }
    }
}
