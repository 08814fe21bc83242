package org.greffe.audit.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical bytes of a stored event and its link hash. Third parties recompute this (see
 * {@code tools/verifier/GreffeVerifier.java}), so the layout never changes without a new tag.
 * The format is specified in docs/audit-format.md.
 *
 * <p>Every field is written in this order, each one self-delimiting so that no two different events share their
 * bytes:
 * <ol>
 *   <li>the tag {@code greffe-chain-v1} as a text field;</li>
 *   <li>{@code global_index}: 8 bytes, signed big-endian;</li>
 *   <li>{@code event_identifier}, {@code aggregate_identifier}: text;</li>
 *   <li>{@code sequence_number}: 8 bytes, signed big-endian;</li>
 *   <li>{@code type}, {@code payload_type}, {@code payload_revision}, {@code time_stamp}: text;</li>
 *   <li>{@code payload}, {@code meta_data}: the raw stored bytes;</li>
 *   <li>the previous hash: 32 bytes as a byte field (32 zero bytes for the first link).</li>
 * </ol>
 * Fields are encoded by {@link CanonicalBytes}: a text field is its UTF-8 bytes written as a byte field. A byte field
 * is its length as 4 bytes, signed big-endian, followed by the bytes; a null field (a null type, revision or metadata)
 * is the length -1 ({@code FF FF FF FF}) and no bytes, so null and empty differ. The link hash is SHA-256 of these
 * bytes. The global chain ends with the previous link's hash in global order; the per-case chain ends with the
 * previous link of the same case.
 */
public final class ChainHash {

    /** Names the layout: a future layout gets a new tag, so old and new links can never be confused. */
    public static final String TAG = "greffe-chain-v1";
    /** The previous hash of the first link of every chain. */
    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {
    }

    /** The canonical bytes of {@code event} linked to {@code previousHash}. */
    public static byte[] canonicalBytes(StoredEvent event, byte[] previousHash) {
        if (previousHash == null || previousHash.length != 32) {
            throw new IllegalArgumentException("a previous hash has 32 bytes");
        }
        return new CanonicalBytes(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length))
                .text(TAG)
                .number(event.globalIndex())
                .text(event.eventIdentifier())
                .text(event.aggregateIdentifier())
                .number(event.sequenceNumber())
                .text(event.type())
                .text(event.payloadType())
                .text(event.payloadRevision())
                .text(event.timestamp())
                .bytes(event.payload())
                .bytes(event.metaData())
                .bytes(previousHash)
                .toByteArray();
    }

    /** The link hash: SHA-256 of the canonical bytes. */
    public static byte[] hash(StoredEvent event, byte[] previousHash) {
        return sha256(canonicalBytes(event, previousHash));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lower-case hexadecimal, as in the API and the exports. */
    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
