package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registry upgraded from a version that stored idempotency keys as the client sent them: registry migration 3
 * replaces each raw key by its keyed hash, so the raw text leaves the table and a retry after the upgrade still gets
 * its first answer; the docket import's own keys are kept, so a file imported before the upgrade appends nothing
 * when it is imported again. The upgrade is replayed on the shared database by undoing migration 3's record and
 * migrating again.
 */
class IdempotencyUpgradeIntegrationTest extends IntegrationTest {

    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId\n";

    @Autowired
    @Qualifier("registryFlyway")
    Flyway registryFlyway;

    @Test
    void keysRecordedBeforeTheUpgradeAreRecognisedAfterIt() {
        String docket = newDocket();
        String body = fileCaseJson(docket, "sikasso", "2019-05-02");
        String rawKey = "file-" + docket.toLowerCase(Locale.ROOT);
        Response filed = post("/api/cases", body, "Idempotency-Key", rawKey);
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String storedKey = metaData(filed.json().get("caseId").asText()).get("idempotencyKey").asText();
        assertThat(storedKey).matches("hmac-sha256:[0-9a-f]{64}");
        String imported = newDocket();
        String csv = HEADER + imported + ",sikasso,FILED,2019-05-03,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n";
        assertThat(postCsv(csv).json().get("accepted").asInt()).isEqualTo(1);
        String importKey = jdbc.queryForObject("SELECT idempotency_key FROM registry_idempotency "
                + "WHERE body LIKE ?", String.class, "%" + importedCaseId(imported) + "%");
        assertThat(importKey).matches("import-[0-9a-f]{64}");

        // As the previous version left the table: the API's key raw, the import's key in its one form.
        jdbc.update("UPDATE registry_idempotency SET idempotency_key = ? WHERE idempotency_key = ?", rawKey,
                storedKey);
        upgrade();

        assertThat(count(rawKey)).as("the raw key is gone").isZero();
        assertThat(count(storedKey)).isEqualTo(1);
        assertThat(count(importKey)).isEqualTo(1);
        long before = eventCount();
        Response retry = post("/api/cases", body, "Idempotency-Key", rawKey);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("caseId")).isEqualTo(filed.json().get("caseId"));
        JsonNode again = postCsv(csv).json();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(1);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(eventCount()).isEqualTo(before);
    }

    /** Migration 3 again, as on the first start of the new version. */
    private void upgrade() {
        dbaJdbc().update("DELETE FROM flyway_history_registry WHERE version = '3'");
        // Later migrations have run since: migration 3 is now behind them, as it never is on a real upgrade.
        Flyway again = Flyway.configure().configuration(registryFlyway.getConfiguration()).outOfOrder(true).load();
        assertThat(again.migrate().migrationsExecuted).isEqualTo(1);
    }

    private long count(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM registry_idempotency WHERE idempotency_key = ?",
                Long.class, key);
    }

    private JsonNode metaData(String caseId) {
        try {
            return JSON.readTree(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String importedCaseId(String docket) {
        return UUID.nameUUIDFromBytes(("greffe-docket:sikasso:" + docket.toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
