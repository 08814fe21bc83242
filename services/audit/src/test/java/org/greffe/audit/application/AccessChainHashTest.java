package org.greffe.audit.application;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The link hash of an access log entry, which PostgreSQL computes at insert and this class recomputes. The known
 * vector was computed by an independent implementation (Python's struct, datetime and hashlib, 173 bytes hashed).
 */
class AccessChainHashTest {

    private static final AccessEntry ENTRY = new AccessEntry(7, Instant.parse("2026-11-28T02:37:48.509593Z"),
            "aminata", "AUDITOR", "GET", "/api/audit/cases/c-1/history", "case-history", "c-1", null, "127.0.0.1",
            200);

    @Test
    void theKnownVectorHolds() {
        assertThat(HexFormat.of().formatHex(AccessChainHash.hash(ENTRY, ChainHash.GENESIS)))
                .isEqualTo("50d50fe2af39426ee87c843e0638ed9b8cfd3d1b0cbe7682bae9f05130748681");
    }

    @Test
    void theOutcomeIsNotPartOfTheLinkButEveryRecordedFieldIs() {
        byte[] link = AccessChainHash.hash(ENTRY, ChainHash.GENESIS);
        assertThat(AccessChainHash.hash(new AccessEntry(7, ENTRY.at(), "aminata", "AUDITOR", "GET", ENTRY.path(),
                "case-history", "c-1", null, "127.0.0.1", 500), ChainHash.GENESIS)).isEqualTo(link);
        assertThat(AccessChainHash.hash(new AccessEntry(7, ENTRY.at().plusNanos(1000), "aminata", "AUDITOR", "GET",
                ENTRY.path(), "case-history", "c-1", null, "127.0.0.1", 200), ChainHash.GENESIS)).isNotEqualTo(link);
        assertThat(AccessChainHash.hash(new AccessEntry(7, ENTRY.at(), "aminata", "AUDITOR", "GET", ENTRY.path(),
                "case-history", "c-1", "", "127.0.0.1", 200), ChainHash.GENESIS))
                .as("null and empty differ").isNotEqualTo(link);
        assertThat(AccessChainHash.hash(ENTRY, link)).isNotEqualTo(link);
    }

    @Test
    void aPreviousHashHas32Bytes() {
        assertThatThrownBy(() -> AccessChainHash.hash(ENTRY, new byte[31])).isInstanceOf(
                IllegalArgumentException.class);
    }
}
