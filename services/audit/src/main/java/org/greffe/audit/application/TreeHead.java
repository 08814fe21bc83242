package org.greffe.audit.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A signed tree head: the size and root of the Merkle tree over the sealed log at a time, signed with Ed25519.
 *
 * <p>The signed message is UTF-8 text, four lines each ended by a line feed: {@code greffe-tree-head-v1}, the tree
 * size in decimal, the root hash in lower-case hex, and the timestamp exactly as {@link #timestamp} holds it
 * (ISO-8601, UTC, at most milliseconds). Anyone can rebuild it from the JSON of a head and check the signature with the
 * published public key, with {@code tools/verifier/GreffeVerifier.java} or any Ed25519 implementation. The format is
 * specified in docs/audit-format.md.
 *
 * @param treeSize  the number of sealed events (leaves) the tree holds
 * @param rootHash  hex of the tree's root hash (RFC 6962's MTH)
 * @param timestamp when it was signed, ISO-8601
 * @param keyId     the signing key's id: the first 8 bytes, in hex, of SHA-256 over its public key (X.509 DER)
 * @param signature the Ed25519 signature of {@link #message()}, base64
 */
public record TreeHead(long treeSize, String rootHash, String timestamp, String keyId, String signature) {

    /** The first line of the signed message, naming its format. */
    public static final String FORMAT = "greffe-tree-head-v1";

    /** The bytes the signature covers. */
    public byte[] message() {
        return message(treeSize, rootHash, timestamp);
    }

    /** The bytes a head of that size, root and time signs. */
    public static byte[] message(long treeSize, String rootHash, String timestamp) {
        return (FORMAT + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the signature verifies with this public key (X.509 DER); false too when anything is malformed. */
    public boolean signedBy(byte[] publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }
}
