package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access log over HTTP on real PostgreSQL: every read of case-level data and every audit operation is recorded
 * with user, roles, time, what and from where, before it is served; an auditor can query it; a read that cannot be
 * recorded is refused; recorded entries cannot be changed or deleted.
 */
class AccessLogIntegrationTest extends IntegrationTest {

    @Test
    void caseLevelReadsAndAuditOperationsAreRecordedWithWhoWhenWhatAndWhereFrom() {
        String caseId = fileCase("2019-02-11");
        Instant before = Instant.now().minusSeconds(1);
        String[] auditor = as("auditor-17", Role.AUDITOR);
        String[] clerk = as("clerk-7", Role.CLERK);

        assertThat(get("/api/audit/cases/" + caseId + "/history", concat(auditor, "X-Forwarded-For", "10.1.2.3"))
                .status()).isEqualTo(200);
        assertThat(get("/api/audit/cases/" + caseId + "/history", clerk).status()).isEqualTo(200);
        assertThat(post("/api/audit/verify", "", auditor).status()).isEqualTo(200);
        assertThat(get("/api/audit/export?caseId=" + caseId, auditor).status()).isEqualTo(200);
        assertThat(get("/api/audit/caseload/kidal?asOf=2020-01-01", auditor).status()).isEqualTo(200);
        assertThat(get("/api/caseload/kidal", as("advocate-3", Role.ADVOCATE)).status())
                .as("aggregate figures are no case-level read").isEqualTo(200);

        JsonNode mine = awaitComplete("/api/audit/access?user=auditor-17", auditor, 4);
        List<String> operations = new ArrayList<>();
        mine.forEach(entry -> operations.add(entry.get("operation").asText()));
        assertThat(operations).as("newest first").containsExactly("caseload-replay", "export", "verify",
                "case-history");
        JsonNode history = mine.get(3);
        assertThat(history.get("user").asText()).isEqualTo("auditor-17");
        assertThat(history.get("roles").asText()).isEqualTo("AUDITOR");
        assertThat(history.get("method").asText()).isEqualTo("GET");
        assertThat(history.get("path").asText()).isEqualTo("/api/audit/cases/" + caseId + "/history");
        assertThat(history.get("caseId").asText()).isEqualTo(caseId);
        assertThat(history.get("client").asText()).isEqualTo("127.0.0.1 forwarded-for 10.1.2.3");
        assertThat(history.get("status").asInt()).isEqualTo(200);
        assertThat(Instant.parse(history.get("at").asText())).isAfter(before).isBefore(Instant.now());
        assertThat(mine.get(1).get("caseId").asText()).as("the export of one case names it").isEqualTo(caseId);
        assertThat(mine.get(0).get("tribunalId").asText()).isEqualTo("kidal");

        JsonNode byCase = get("/api/audit/access?caseId=" + caseId, auditor).json().get("entries");
        assertThat(byCase.findValuesAsText("operation")).as("the query names the case: it is recorded too")
                .containsExactly("access-log", "export", "case-history", "case-history");
        assertThat(byCase.findValuesAsText("user")).containsExactly("auditor-17", "auditor-17", "clerk-7",
                "auditor-17");
        assertThat(byCase.findValuesAsText("roles")).contains("CLERK");
        assertThat(get("/api/audit/access?user=advocate-3", auditor).json().get("entries")).isEmpty();
    }

    @Test
    void readingTheAccessLogIsItselfRecordedAndPagesAreLinked() {
        String[] auditor = as("paging.auditor", Role.AUDITOR);
        for (int i = 0; i < 3; i++) {
            get("/api/audit/rebuild", auditor);
        }
        JsonNode first = get("/api/audit/access?user=paging.auditor&limit=2", auditor).json();
        assertThat(first.get("entries")).hasSize(2);
        assertThat(first.get("entries").get(0).get("operation").asText()).isEqualTo("access-log");
        String next = first.get("next").asText();
        assertThat(next).contains("before=").contains("user=paging.auditor");
        JsonNode second = get(next, auditor).json();
        assertThat(second.get("entries").get(0).get("id").asLong())
                .isLessThan(first.get("entries").get(1).get("id").asLong());
        assertThat(get("/api/audit/access?limit=0", auditor).status()).isEqualTo(400);
        assertThat(get("/api/audit/access?from=yesterday", auditor).status()).isEqualTo(400);
    }

    @Test
    void aReadThatCannotBeRecordedIsRefusedAndReadsNothing() {
        String caseId = fileCase("2019-02-12");
        JdbcTemplate dba = dbaJdbc();
        dba.execute("""
                CREATE FUNCTION access_log_broken() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the access log is out of order (test)'; END $$""");
        dba.execute("CREATE TRIGGER access_log_broken BEFORE INSERT ON access_log "
                + "FOR EACH ROW EXECUTE FUNCTION access_log_broken()");
        try {
            Response refused = get("/api/audit/cases/" + caseId + "/history");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:greffe:problem:access-not-recorded");
            assertThat(refused.text()).doesNotContain("CaseFiled").doesNotContain("payload");
            assertThat(get("/api/audit/export?caseId=" + caseId).status()).isEqualTo(503);
        } finally {
            dba.execute("DROP TRIGGER access_log_broken ON access_log");
            dba.execute("DROP FUNCTION access_log_broken()");
        }
        assertThat(get("/api/audit/cases/" + caseId + "/history").status()).isEqualTo(200);
    }

    @Test
    void recordedAccessesCannotBeChangedOrDeleted() {
        get("/api/audit/rebuild");
        long id = jdbc.queryForObject("SELECT max(id) FROM access_log", Long.class);
        // Greffe's own role has no such privilege (AppRoleTamperingIntegrationTest); the triggers stop even the DBA.
        JdbcTemplate dba = dbaJdbc();
        assertThatThrownBy(() -> dba.update("UPDATE access_log SET user_name = 'nobody' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.update("DELETE FROM access_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.execute("TRUNCATE access_log, access_log_outcome"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    /** The user's newest entries once at least {@code count} have their outcome (an export completes after it). */
    private JsonNode awaitComplete(String path, String[] auditor, int count) {
        awaitUntil(count + " completed entries at " + path, Duration.ofSeconds(10), () -> {
            JsonNode entries = get(path, auditor).json().get("entries");
            int complete = 0;
            for (JsonNode entry : entries) {
                complete += entry.get("operation").asText().equals("access-log") || entry.get("status").isNull()
                        ? 0 : 1;
            }
            return complete >= count;
        });
        List<JsonNode> reads = new ArrayList<>();
        get(path, auditor).json().get("entries").forEach(entry -> {
            if (!entry.get("operation").asText().equals("access-log")) {
                reads.add(entry);
            }
        });
        return JSON.valueToTree(reads);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
