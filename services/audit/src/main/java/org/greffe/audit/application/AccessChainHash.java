package org.greffe.audit.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The link hash of an access log entry. PostgreSQL computes it when the entry is inserted (the trigger
 * {@code access_log_chain} and the function {@code greffe_access_link}); this class recomputes it to verify the chain,
 * so the two must write the same bytes, in this order:
 * <ol>
 *   <li>the tag {@code greffe-access-v1} as a text field;</li>
 *   <li>{@code id}: 8 bytes, signed big-endian;</li>
 *   <li>{@code at}: microseconds since 1970-01-01T00:00:00Z, 8 bytes, signed big-endian (the column's own
 *   precision, so nothing is rounded between the two sides);</li>
 *   <li>{@code user_name}, {@code roles}, {@code method}, {@code path}, {@code operation}, {@code case_id},
 *   {@code tribunal_id}, {@code client}: text;</li>
 *   <li>the previous entry's hash: 32 bytes as a byte field (32 zero bytes for the first entry).</li>
 * </ol>
 * Text and byte fields are encoded as in {@link ChainHash} ({@link CanonicalBytes}): a length of 4 bytes, then the
 * bytes; null is the length -1. The outcome of an access (its HTTP status) is recorded after the answer, in a table
 * of its own, and is not part of the link. The format is specified in docs/audit-format.md.
 */
public final class AccessChainHash {

    /** Names the layout. */
    public static final String TAG = "greffe-access-v1";

    private AccessChainHash() {
    }

    /** The link hash of {@code entry} (its id and fields as stored) after {@code previousHash}. */
    public static byte[] hash(AccessEntry entry, byte[] previousHash) {
        if (previousHash == null || previousHash.length != 32) {
            throw new IllegalArgumentException("a previous hash has 32 bytes");
        }
        return ChainHash.sha256(new CanonicalBytes(512)
                .text(TAG)
                .number(entry.id())
                .number(ChronoUnit.MICROS.between(Instant.EPOCH, entry.at()))
                .text(entry.user())
                .text(entry.roles())
                .text(entry.method())
                .text(entry.path())
                .text(entry.operation())
                .text(entry.caseId())
                .text(entry.tribunalId())
                .text(entry.client())
                .bytes(previousHash)
                .toByteArray());
    }
}
