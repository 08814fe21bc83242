package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.integrity.AppendKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The append authentication key is rotated as docs/auditing.md says: stop Greffe, rename {@code append-mac.key} to
 * another
 * {@code append-mac-*.key}, start again. The new key authenticates what follows, the retired one keeps the events it
 * authenticated verifiable, and a keys directory that lacks the key of the newest events is refused at start-up.
 * Greffe runs as a separate process, restarted on the same data directory.
 */
class KeyRotationIntegrationTest {

    @Test
    void aRotatedKeyKeepsTheEventsItAuthenticatedVerifiable(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path keys = dir.resolve("keys");
        Path log = dir.resolve("greffe.log");
        try (GreffeProcess greffe = GreffeProcess.start(data, log, "--greffe.keys.dir=" + keys)) {
            greffe.post("/api/cases", HttpIntegrationTest.fileCaseJson("RT-2024-1", "mopti", "2019-07-01"));
        }
        String first = AppendKeys.open(keys, null).current().id();
        Files.move(keys.resolve(AppendKeys.CURRENT), keys.resolve("append-mac-retired-1.key"));

        String second;
        try (GreffeProcess greffe = GreffeProcess.start(data, log, "--greffe.keys.dir=" + keys)) {
            greffe.post("/api/cases", HttpIntegrationTest.fileCaseJson("RT-2024-2", "mopti", "2019-07-02"));
            JsonNode verification = greffe.post("/api/audit/verify", "");
            assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("eventsChecked").asLong()).as("both events, each under its own key")
                    .isEqualTo(2);
        }
        second = AppendKeys.open(keys, null).current().id();
        assertThat(second).isNotEqualTo(first);

        // A directory holding only the retired key lacks the key of the newest event: Greffe will not start on it.
        Path stale = Files.createDirectory(dir.resolve("stale-keys"));
        Files.copy(keys.resolve("append-mac-retired-1.key"), stale.resolve(AppendKeys.CURRENT));
        Path refusedLog = dir.resolve("refused.log");
        assertThatThrownBy(() -> GreffeProcess.start(data, refusedLog, "--greffe.keys.dir=" + stale).close())
                .hasMessageContaining("Greffe exited");
        assertThat(Files.readString(refusedLog)).contains("authenticated with key " + second
                + ", which no append-mac*.key file in");
    }
}
