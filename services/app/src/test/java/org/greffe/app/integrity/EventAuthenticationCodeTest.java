package org.greffe.app.integrity;

import org.greffe.audit.application.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authentication code of an event, whose layout docs/audit-format.md specifies. The known vector (the chain's
 * example event
 * under the key of bytes 0 to 31) was computed by an independent implementation: Python's struct, hashlib and hmac,
 * over the 190 bytes docs/audit-format.md describes.
 */
class EventAuthenticationCodeTest {

    private static final byte[] PAYLOAD = "{\"caseId\":\"c-1\",\"on\":\"2019-11-20\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] META = "{\"user\":\"clerk\"}".getBytes(StandardCharsets.UTF_8);
    private static final StoredEvent EVENT = new StoredEvent(7, "e-7", "c-1", 3, "Case",
            "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00Z", PAYLOAD, META);

    @Test
    void theKnownVectorHolds(@TempDir Path dir) throws IOException {
        AppendKeys.Key key = key(dir);
        assertThat(key.id()).isEqualTo("9dc92bd2c4f69b4b");
        assertThat(HexFormat.of().formatHex(EventAuthenticationCode.of(key, EVENT)))
                .isEqualTo("d078e411a1e1a0164aeccfa726a7745b90e8fcb3481e0dff2b4baa44eda89899");
    }

    @Test
    void theCodeCoversTheRecordedTimeAsStoredAndTheMetadataButNotThePosition(@TempDir Path dir) throws IOException {
        AppendKeys.Key key = key(dir);
        byte[] code = EventAuthenticationCode.of(key, EVENT);
        assertThat(EventAuthenticationCode.of(key, new StoredEvent(8, "e-7", "c-1", 3, "Case",
                "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00Z", PAYLOAD, META)))
                .as("the global index is the chain's business").isEqualTo(code);
        assertThat(EventAuthenticationCode.of(key, new StoredEvent(7, "e-7", "c-1", 3, "Case",
                "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00.000Z", PAYLOAD, META)))
                .as("the same instant written otherwise").isNotEqualTo(code);
        assertThat(EventAuthenticationCode.of(key, new StoredEvent(7, "e-7", "c-1", 3, "Case",
                "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00Z", PAYLOAD,
                "{\"user\":\"mallory\"}".getBytes(StandardCharsets.UTF_8)))).isNotEqualTo(code);
        assertThat(EventAuthenticationCode.of(key, new StoredEvent(7, "e-7", "c-1", 3, "Case",
                "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00Z", PAYLOAD, null)))
                .isNotEqualTo(code);
    }

    private static AppendKeys.Key key(Path dir) throws IOException {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) i;
        }
        Files.write(dir.resolve(AppendKeys.CURRENT), secret);
        return AppendKeys.open(dir, null).current();
    }
}
