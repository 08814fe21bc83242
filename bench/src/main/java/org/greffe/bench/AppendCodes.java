package org.greffe.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The authentication code Greffe records with every event it appends (HMAC-SHA-256 over the stored fields, the
 * layout in docs/audit-format.md), made here from the documented layout with the key Greffe reads,
 * as anyone holding the key can: the seeded log is then one Greffe would have appended, and its sealer seals it.
 */
final class AppendCodes {

    private final String keyId;
    private final Mac mac;

    AppendCodes(byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("greffe-append-key-id".getBytes(StandardCharsets.UTF_8));
            keyId = HexFormat.of().formatHex(sha256.digest(secret), 0, 8);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256 and HMAC-SHA-256", e);
        }
    }

    /** The id of the key, recorded with every code. */
    String keyId() {
        return keyId;
    }

    /** The code of one event, from its fields exactly as stored. */
    byte[] of(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
              String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length + metaData.length);
        text(out, "greffe-append-v1");
        text(out, keyId);
        text(out, eventIdentifier);
        text(out, aggregateIdentifier);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber).array());
        text(out, type);
        text(out, payloadType);
        text(out, payloadRevision);
        text(out, timestamp);
        bytes(out, payload);
        bytes(out, metaData);
        return mac.doFinal(out.toByteArray());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
