package org.greffe.app.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys that authenticate appended events, read from files in {@code greffe.keys.dir}, never from the database: a
 * key the database held would let whoever can write the log forge codes too. {@code append-mac.key} is the current
 * key, which authenticates new events; every other {@code append-mac*.key} (a retired key, or the next one being
 * rolled out) only verifies. Each file holds 32 random bytes. A key is known by its id, the first 8 bytes of
 * SHA-256 over a fixed label and the key, in hex: recorded with every code, it names the key without revealing it.
 */
public final class AppendKeys {

    /** The file of the current key. */
    public static final String CURRENT = "append-mac.key";
    private static final String PATTERN = "append-mac*.key";
    private static final int KEY_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AppendKeys.class);

    private final Key current;
    private final Map<String, Key> byId;

    private AppendKeys(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * Reads the keys of {@code dir}, creating the directory and the current key when missing (0700 and 0600 where the
     * file system has POSIX permissions).
     *
     * @param newestKeyId the key that authenticated the newest event of the log, or {@code null} when none did: if
     *                    this directory does not hold it, Greffe is pointed at the wrong keys (or lost them), and
     *                    refuses to start rather than authenticate new events with a key no other instance knows
     * @throws IllegalStateException when a key file is unreadable or not 32 bytes, or the newest key is not here
     */
    public static AppendKeys open(Path dir, String newestKeyId) {
        try {
            Map<String, Key> keys = read(dir);
            if (newestKeyId != null && !keys.containsKey(newestKeyId)) {
                throw new IllegalStateException("the event log's newest events were authenticated with key "
                        + newestKeyId + ", which no " + PATTERN + " file in " + dir.toAbsolutePath() + " holds (it "
                        + "holds " + (keys.isEmpty() ? "none" : String.join(", ", keys.keySet())) + "). Point "
                        + "greffe.keys.dir (GREFFE_KEYS_DIR) at the keys of this database, or copy the " + PATTERN
                        + " files from an instance that has them; a new key here would make this instance's events "
                        + "unverifiable to the others, and theirs to it");
            }
            Path currentFile = dir.resolve(CURRENT);
            if (!Files.exists(currentFile)) {
                create(dir, currentFile);
                keys = read(dir);
            }
            Key current = keyOf(currentFile);
            return new AppendKeys(current, new TreeMap<>(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the append authentication keys in " + dir.toAbsolutePath(),
                    e);
        }
    }

    /** The key that authenticates new events. */
    public Key current() {
        return current;
    }

    /** The key with this id, current or not. */
    public Optional<Key> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of every key held. */
    public Set<String> ids() {
        return byId.keySet();
    }

    private static Map<String, Key> read(Path dir) throws IOException {
        Map<String, Key> keys = new TreeMap<>();
        for (Path file : KeyFiles.matching(dir, PATTERN)) {
            Key key = keyOf(file);
            keys.putIfAbsent(key.id(), key);
        }
        return keys;
    }

    private static Key keyOf(Path file) throws IOException {
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != KEY_BYTES) {
            throw new IllegalStateException(file.toAbsolutePath() + " holds " + secret.length + " bytes; an append "
                    + "authentication key is " + KEY_BYTES + " random bytes");
        }
        KeyFiles.warnIfShared(file);
        return new Key(idOf(secret), new SecretKeySpec(secret, "HmacSHA256"));
    }

    /** Creates the current key: 32 random bytes ({@link KeyFiles#create}: one of several instances wins). */
    private static void create(Path dir, Path target) throws IOException {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        if (KeyFiles.create(dir, target, ".append-mac", secret)) {
            LOG.warn("Created the append authentication key {} in {}. Back it up with the database's backups: "
                    + "without it the events it authenticates cannot be checked", idOf(secret),
                    target.toAbsolutePath());
        }
    }

    private static String idOf(byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("greffe-append-key-id".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(secret);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * One key.
     *
     * @param id     its id, recorded with every code it makes
     * @param secret the key itself
     */
    public record Key(String id, SecretKeySpec secret) {

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}
