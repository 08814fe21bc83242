package org.greffe.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running demo instance locks its demo users out as soon as its log holds an event the demo did not write, here one
 * recorded as {@code awa.traore}, as an instance with an identity provider sharing the database would record it. The
 * demo users' own writes keep the log the demo's; the real event takes its place in the log before a demo write but
 * commits after it, and is still caught.
 */
class DemoSignInIntegrationTest extends HttpIntegrationTest {

    private static final String TRIBUNAL = "kayes";

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void ownDatabaseInDemoMode(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "demo-sign-in", true);
        registry.add("greffe.demo.docket", () -> "classpath:test-dockets/demo.csv");
    }

    @Test
    void theDemoUsersAreRefusedOnceTheLogHoldsAnEventTheDemoDidNotWrite() throws Exception {
        awaitProjection();
        String[] auditor = basic("auditor", "auditor");
        String[] clerk = basic("clerk", "clerk");
        assertThat(get("/api/audit/access", auditor).status()).isEqualTo(200);
        assertThat(post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"), clerk).status())
                .as("a demo user's write").isEqualTo(201);
        assertThat(get("/api/audit/access", auditor).status()).as("the log is still the demo's").isEqualTo(200);

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertFilingRecordedBy(connection, "awa.traore");
            assertThat(post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-03"), clerk).status())
                    .as("a demo write above the uncommitted one").isEqualTo(201);
            assertThat(get("/api/audit/access", auditor).status()).as("nothing real is committed yet")
                                                               .isEqualTo(200);
            connection.commit();
        }

        long events = eventCount();
        for (String[] demoUser : new String[][]{auditor, clerk, basic("advocate", "advocate")}) {
            Response refused = get("/api/caseload", demoUser);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(refused.json().get("detail").asText())
                    .startsWith("demo sign-in refused: this event log now holds real data")
                    .contains("GREFFE_DEMO=false");
        }
        assertThat(post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-04"), clerk).status())
                .isEqualTo(401);
        assertThat(get("/api/caseload", basic("clerk", "wrong")).status()).as("whatever the password")
                                                                          .isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }

    /** A copy of a demo filing under a new case id, recorded as the given user: takes its global index at once. */
    private static void insertFilingRecordedBy(Connection connection, String user) throws Exception {
        String caseId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT ?, 0, type, ?, convert_to(?, 'UTF8'),
                       convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?), 'UTF8'),
                       payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE payload_type = 'org.greffe.events.CaseFiled'
                ORDER BY global_index LIMIT 1""")) {
            insert.setString(1, caseId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, "{\"user\":\"" + user + "\",\"source\":\"api\",\"correlationId\":\""
                    + UUID.randomUUID() + "\"}");
            insert.setString(4, caseId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
