package org.greffe.app.integrity;

import org.greffe.audit.application.TreeHeadSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Ed25519 keys that sign tree heads, read from files in {@code greffe.keys.dir}, never from the database.
 * {@code head-signing.key} is the current key, which signs new heads; every other {@code head-signing*.key} (a retired
 * key, or the next one being rolled out) is only published, so that heads it signed still verify. Each file holds 64
 * bytes: the 32-byte private seed, then the 32-byte public key (as RFC 8032 encodes them). A key is known by its id:
 * the first 8 bytes of SHA-256 over its public key as X.509 DER, in hex, which an auditor can recompute from the
 * published key.
 */
public final class HeadSigningKeys implements TreeHeadSigner {

    /** The file of the current key. */
    public static final String CURRENT = "head-signing.key";
    private static final String PATTERN = "head-signing*.key";
    private static final int KEY_BYTES = 64;
    /** DER of a PKCS#8 Ed25519 private key up to its 32-byte seed (RFC 8410). */
    private static final byte[] PRIVATE_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** DER of an X.509 Ed25519 public key up to its 32 bytes (RFC 8410). */
    private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Logger LOG = LoggerFactory.getLogger(HeadSigningKeys.class);

    private final Key current;
    private final Map<String, Key> byId;

    private HeadSigningKeys(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = byId;
    }

    /**
     * Reads the keys of {@code dir}, creating the directory and the current key when missing (0700 and 0600 where the
     * file system has POSIX permissions).
     *
     * @throws IllegalStateException when a key file is not 64 bytes or its two halves are not one key pair
     */
    public static HeadSigningKeys open(Path dir) {
        try {
            Path currentFile = dir.resolve(CURRENT);
            if (!Files.exists(currentFile)) {
                create(dir, currentFile);
            }
            Map<String, Key> keys = new TreeMap<>();
            for (Path file : KeyFiles.matching(dir, PATTERN)) {
                Key key = keyOf(file);
                keys.putIfAbsent(key.id(), key);
            }
            return new HeadSigningKeys(keyOf(currentFile), keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the head signing keys in " + dir.toAbsolutePath(), e);
        }
    }

    @Override
    public Signed sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(current.privateKey());
            signer.update(message);
            return new Signed(current.id(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on signs with Ed25519", e);
        }
    }

    @Override
    public List<HeadKey> publicKeys() {
        List<HeadKey> keys = new ArrayList<>();
        byId.values().forEach(key -> keys.add(new HeadKey(key.id(), "Ed25519",
                Base64.getEncoder().encodeToString(key.publicKey().getEncoded()), key.id().equals(current.id()))));
        return keys;
    }

    /** The id of the current key. */
    public String currentId() {
        return current.id();
    }

    /** Ids of every key held. */
    public Set<String> ids() {
        return byId.keySet();
    }

    private static Key keyOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(file.toAbsolutePath() + " holds " + bytes.length + " bytes; a head "
                    + "signing key is 64 bytes (the Ed25519 seed, then the public key): restore it from a backup, or "
                    + "move it away to let Greffe create a new one");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    concat(PRIVATE_PREFIX, Arrays.copyOfRange(bytes, 0, 32))));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                    concat(PUBLIC_PREFIX, Arrays.copyOfRange(bytes, 32, 64))));
            byte[] probe = "greffe-head-key-check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException(file.toAbsolutePath() + ": its public half does not match its "
                        + "private half; restore the file from a backup");
            }
            KeyFiles.warnIfShared(file);
            return new Key(idOf(publicKey.getEncoded()), privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not an Ed25519 key pair; restore it from a "
                    + "backup, or move it away to let Greffe create a new one", e);
        }
    }

    /** Writes a new key pair to a temporary file, then links it into place: one of several instances wins. */
    private static void create(Path dir, Path target) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime from 15 on makes Ed25519 keys", e);
        }
        byte[] privateDer = pair.getPrivate().getEncoded();
        byte[] publicDer = pair.getPublic().getEncoded();
        byte[] bytes = concat(Arrays.copyOfRange(privateDer, privateDer.length - 32, privateDer.length),
                Arrays.copyOfRange(publicDer, publicDer.length - 32, publicDer.length));
        if (KeyFiles.create(dir, target, ".head-signing", bytes)) {
            LOG.warn("Created the tree head signing key {} in {}. Back it up, and publish its public key "
                    + "(GET /api/audit/tree/keys) where auditors find it", idOf(publicDer), target.toAbsolutePath());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The key id: the first 8 bytes, in hex, of SHA-256 over the public key's X.509 DER. */
    static String idOf(byte[] publicDer) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicDer), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Key(String id, PrivateKey privateKey, PublicKey publicKey) {

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}
