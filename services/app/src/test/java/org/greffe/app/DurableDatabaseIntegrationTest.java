package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database Greffe runs on, as Greffe's own connections see it: a server that keeps every acknowledged commit
 * across a crash (the embedded one included, whose library turns {@code fsync} and {@code synchronous_commit} off by
 * default), and a runtime role with least privilege. Health says so.
 */
class DurableDatabaseIntegrationTest extends IntegrationTest {

    @Test
    void theServerFlushesEveryCommitToDiskBeforeAcknowledgingIt() {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            assertThat(jdbc.queryForObject("SHOW " + setting, String.class)).as(setting).isEqualTo("on");
        }
    }

    @Test
    void greffeRunsAsItsOwnRoleWithLeastPrivilegeAndHealthSaysSo() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APP);
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        JsonNode safety = get("/actuator/health").json().get("components").get("databaseSafety");
        assertThat(safety.get("status").asText()).isEqualTo("UP");
        assertThat(safety.get("details").get("role").asText()).isEqualTo(DatabaseRoles.APP);
        assertThat(safety.get("details").get("leastPrivilege").asBoolean()).as(safety.toString()).isTrue();
        assertThat(safety.get("details").get("durable").asBoolean()).as(safety.toString()).isTrue();
    }
}
