package org.greffe.audit.application;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical bytes and the link hash that third parties recompute. The known vectors were computed by an
 * independent implementation (a few lines of Python's struct and hashlib), not by this class.
 */
class ChainHashTest {

    private static final byte[] PAYLOAD = "{\"caseId\":\"c-1\",\"on\":\"2019-11-20\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] META = "{\"user\":\"clerk\"}".getBytes(StandardCharsets.UTF_8);
    private static final StoredEvent EVENT = new StoredEvent(7, "e-7", "c-1", 3, "Case",
            "org.greffe.events.HearingHeld", "2", "2019-11-20T10:00:00Z", PAYLOAD, META);

    @Test
    void theCanonicalBytesFollowTheDocumentedLayout() {
        ByteBuffer expected = ByteBuffer.allocate(213);
        text(expected, "greffe-chain-v1");
        expected.putLong(7);
        text(expected, "e-7");
        text(expected, "c-1");
        expected.putLong(3);
        text(expected, "Case");
        text(expected, "org.greffe.events.HearingHeld");
        text(expected, "2");
        text(expected, "2019-11-20T10:00:00Z");
        expected.putInt(PAYLOAD.length).put(PAYLOAD);
        expected.putInt(META.length).put(META);
        expected.putInt(32).put(new byte[32]);

        assertThat(ChainHash.canonicalBytes(EVENT, ChainHash.GENESIS)).isEqualTo(expected.array());
    }

    @Test
    void knownVectors() {
        String first = "21d801a9a89fcb3fe28ad07b7b227065c1c2d1d134b6ad1e34aa102cd97db0e0";
        assertThat(ChainHash.hex(ChainHash.hash(EVENT, ChainHash.GENESIS))).isEqualTo(first);
        assertThat(ChainHash.hex(ChainHash.hash(EVENT, HexFormat.of().parseHex(first))))
                .isEqualTo("317fd78c13d39530faeb83573d0c2f4bc7edbb0a042a638c01400e45d3f60429");
        StoredEvent withNulls = new StoredEvent(7, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", null,
                "2019-11-20T10:00:00Z", PAYLOAD, null);
        assertThat(ChainHash.hex(ChainHash.hash(withNulls, ChainHash.GENESIS)))
                .isEqualTo("8a8d10b6aba1c8a37227d8af879801cb850415c25236a86382da081c5867c899");
    }

    @Test
    void nullAndEmptyAreDifferentFields() {
        StoredEvent empty = new StoredEvent(7, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", "",
                "2019-11-20T10:00:00Z", PAYLOAD, new byte[0]);
        StoredEvent nulls = new StoredEvent(7, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", null,
                "2019-11-20T10:00:00Z", PAYLOAD, null);
        assertThat(ChainHash.hash(empty, ChainHash.GENESIS)).isNotEqualTo(ChainHash.hash(nulls, ChainHash.GENESIS));
    }

    @Test
    void movingBytesFromOneFieldToTheNextChangesTheHash() {
        // Without length prefixes, "e-7" + "c-1" and "e-7c" + "-1" would be the same bytes.
        StoredEvent shifted = new StoredEvent(7, "e-7c", "-1", 3, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:00Z", PAYLOAD, META);
        assertThat(ChainHash.hash(shifted, ChainHash.GENESIS)).isNotEqualTo(ChainHash.hash(EVENT, ChainHash.GENESIS));
    }

    @Test
    void everyFieldIsCovered() {
        byte[] base = ChainHash.hash(EVENT, ChainHash.GENESIS);
        byte[] edited = PAYLOAD.clone();
        edited[edited.length - 3] = '1';
        assertThat(ChainHash.hash(new StoredEvent(8, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:00Z", PAYLOAD, META), ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(ChainHash.hash(new StoredEvent(7, "e-7", "c-1", 4, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:00Z", PAYLOAD, META), ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(ChainHash.hash(new StoredEvent(7, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:01Z", PAYLOAD, META), ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(ChainHash.hash(new StoredEvent(7, "e-7", "c-1", 3, "Case", "org.greffe.events.HearingHeld", "2",
                "2019-11-20T10:00:00Z", edited, META), ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(ChainHash.hash(EVENT, ChainHash.sha256(new byte[0]))).isNotEqualTo(base);
    }

    @Test
    void aPreviousHashHas32Bytes() {
        assertThatThrownBy(() -> ChainHash.hash(EVENT, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static void text(ByteBuffer buffer, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length).put(bytes);
    }
}
