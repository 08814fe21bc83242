package org.greffe.audit.application;

import java.util.List;

/**
 * Signs tree heads with a key the database never holds. The application that assembles the services provides it, from
 * {@code greffe.keys.dir}: whoever can write the database cannot sign a head for a log they rewrote.
 */
public interface TreeHeadSigner {

    /** Signs the message with the current key. */
    Signed sign(byte[] message);

    /** Every public key a head may name: the current one, and retired or next ones still held. */
    List<HeadKey> publicKeys();

    /**
     * A signature and the key that made it.
     *
     * @param keyId     the key's id (see {@link TreeHead#keyId})
     * @param signature the Ed25519 signature
     */
    record Signed(String keyId, byte[] signature) {
    }

    /**
     * A published public key.
     *
     * @param keyId     its id: the first 8 bytes, in hex, of SHA-256 over {@code publicKey}'s DER bytes
     * @param algorithm always {@code Ed25519}
     * @param publicKey the key as X.509 SubjectPublicKeyInfo DER, base64 (the body of a PEM "PUBLIC KEY")
     * @param current   whether new heads are signed with it
     */
    record HeadKey(String keyId, String algorithm, String publicKey, boolean current) {

        /** The key as a PEM file, what {@code GreffeVerifier --public-key} reads. */
        public String pem() {
            return "-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----\n";
        }
    }
}
