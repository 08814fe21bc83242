package org.greffe.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeder's codes are Greffe's: the known vector of docs/audit-format.md (and of Greffe's own
 * EventAuthenticationCodeTest),
 * the chain's example event under the key of bytes 0 to 31.
 */
class AppendCodesTest {

    @Test
    void theSeederMakesTheCodesGreffeMakes() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        AppendCodes codes = new AppendCodes(key);
        assertThat(codes.keyId()).isEqualTo("9dc92bd2c4f69b4b");
        assertThat(HexFormat.of().formatHex(codes.of("e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:00Z", "{\"caseId\":\"c-1\",\"on\":\"2019-11-20\"}".getBytes(StandardCharsets.UTF_8),
                "{\"user\":\"clerk\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("d078e411a1e1a0164aeccfa726a7745b90e8fcb3481e0dff2b4baa44eda89899");
    }
}
