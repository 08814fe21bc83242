import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Greffe audit export without Greffe: only the JDK (17 or later), one file.
 *
 * <pre>java tools/verifier/GreffeVerifier.java export.ndjson --public-key greffe-head.pem [--public-key older.pem]
 *     --trusted-head saved.json
 *     [--consistency proof.json] [--chain-head hex]
 * java tools/verifier/GreffeVerifier.java --self-test</pre>
 *
 * The export is NDJSON: one JSON object a line per sealed event, in global order, then a last line
 * {@code {"chain":"log"|"case", ..., "events":N, "chainHead":"hex", "treeHead":{...}, "consistency":{...}}}. For each
 * event line the verifier decodes the base64 {@code payload} and {@code metaData}, rebuilds the canonical bytes
 * (the layout of {@code docs/audit-format.md}, as Greffe's {@code org.greffe.audit.application.ChainHash}), hashes
 * them with SHA-256 and checks that the result is the line's {@code hash} ({@code caseHash} in a case export), that its
 * {@code previousHash} ({@code casePreviousHash}) is the previous line's hash (32 zero bytes on the first line), and
 * that the readable {@code payloadJson} and {@code metaDataJson} say the same as the bytes. Then that the last line
 * names the last hash and the number of events, and, when {@code --chain-head} is given, that the head is that one.
 *
 * <p>Then the Merkle tree (RFC 6962; leaf i is the i-th sealed event, its leaf input the event's global chain hash):
 * <ul>
 *   <li>the signed tree head of the last line ({@code treeHead}) must verify with the Ed25519 public key given with
 *   {@code --public-key} (a PEM "PUBLIC KEY" file, or its base64; repeat it for keys held before a rotation) whose id
 *   (the first 8 bytes of SHA-256 over its DER, in hex) is the head's {@code keyId}, and be well-formed;</li>
 *   <li>in a case export, each event's global {@code hash} is recomputed from the event and its global
 *   {@code previousHash}, and its {@code auditPath} must prove it is leaf {@code leafIndex} of the head's tree; every
 *   line must be an event of the case the last line names, with sequence numbers 0, 1, 2... at increasing leaves (the
 *   case chain alone is recomputable by anyone). A case export cannot show that no later event exists: the OK line
 *   says so. In a whole-log export, the root recomputed from every line's hash must be the head's root;</li>
 *   <li>the head saved earlier ({@code --trusted-head}, as {@code GET /api/audit/tree/heads/latest} gave it) must
 *   verify with the same key, and the export's head must extend it: the consistency proof of the last line (an export
 *   made with {@code ?trustedSize=}) or of {@code --consistency} (as {@code GET /api/audit/tree/consistency} gives
 *   it) must prove that the tree of the trusted size, whose root is the trusted head's, is the start of the export's
 *   tree. A log truncated or rewritten since the trusted head was saved cannot give that proof. An export head
 *   signed before the trusted head is refused as stale.</li>
 * </ul>
 * Without a public key or a trusted head the verifier refuses to say OK: a self-consistent file proves nothing.
 *
 * <p>The byte layouts this file recomputes (the canonical bytes of a chain link, the Merkle tree's leaf and node
 * hashes, the text a tree head signs, the key id, the export's lines) are specified once, in {@code
 * docs/audit-format.md} of Greffe's repository; this file and Greffe's own classes implement that page.
 *
 * <p>Prints {@code OK <n> events, chain head <hex>, ...} and exits 0, or {@code BROKEN ...: why} and exits 1, or one
 * sentence saying what is missing and exits 2 for a usage error or an unreadable file. {@code --self-test} checks this
 * file's Merkle tree algorithms against the Certificate Transparency test vectors.
 */
public final class GreffeVerifier {

    private static final String TAG = "greffe-chain-v1";
    private static final String HEAD_FORMAT = "greffe-tree-head-v1";
    private static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private GreffeVerifier() {
    }

    /**
     * What the auditor brings besides the export.
     *
     * @param publicKeys  DER of Greffe's head signing public keys: the current one, and earlier ones after a rotation
     * @param trustedHead the signed head saved earlier
     * @param consistency a consistency proof given apart from the export, or null
     * @param chainHead   the chain head expected, or null
     */
    record Options(List<byte[]> publicKeys, Map<String, Object> trustedHead, Map<String, Object> consistency,
                   String chainHead) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--self-test")) {
            String result = selfTest();
            System.out.println(result);
            System.exit(result.startsWith("OK") ? 0 : 1);
        }
        String file = null;
        List<String> publicKeys = new ArrayList<>();
        String trustedHead = null;
        String consistency = null;
        String chainHead = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--") && i + 1 >= args.length) {
                usage(option + " needs a value");
            }
            switch (option) {
                case "--public-key" -> publicKeys.add(args[++i]);
                case "--trusted-head" -> trustedHead = args[++i];
                case "--consistency" -> consistency = args[++i];
                case "--chain-head" -> chainHead = args[++i].toLowerCase();
                default -> {
                    if (option.startsWith("--") || file != null) {
                        usage("unknown argument " + option);
                    }
                    file = option;
                }
            }
        }
        if (file == null) {
            usage("no export given");
        }
        if (publicKeys.isEmpty()) {
            usage("no public key: give Greffe's head signing key with --public-key FILE (GET "
                    + "/api/audit/tree/keys/current), obtained from Greffe's operator, not from the export");
        }
        if (trustedHead == null) {
            usage("no trusted head: give a signed tree head saved earlier with --trusted-head FILE (GET "
                    + "/api/audit/tree/heads/latest), without which a self-consistent export proves nothing");
        }
        Options options;
        try {
            List<byte[]> keys = new ArrayList<>();
            for (String publicKey : publicKeys) {
                keys.add(publicKeyOf(Files.readString(Path.of(publicKey), StandardCharsets.UTF_8)));
            }
            options = new Options(keys,
                    object(Files.readString(Path.of(trustedHead), StandardCharsets.UTF_8).strip(), "trusted head"),
                    consistency == null ? null
                            : object(Files.readString(Path.of(consistency), StandardCharsets.UTF_8).strip(),
                                     "consistency proof"),
                    chainHead);
        } catch (IOException | IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        String result;
        try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            result = verify(in, options);
        }
        System.out.println(result);
        System.exit(result.startsWith("OK") ? 0 : 1);
    }

    private static void usage(String why) {
        System.err.println(why + " (usage: java GreffeVerifier.java export.ndjson --public-key key.pem [--public-key "
                + "older.pem] "
                + "--trusted-head saved-head.json [--consistency proof.json] [--chain-head hex])");
        System.exit(2);
    }

    /** The DER of a public key given as a PEM file or as base64. */
    static byte[] publicKeyOf(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return der;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the public key is not an Ed25519 public key in PEM or base64");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json, String what) {
        try {
            Object parsed = new Json(json).document();
            if (parsed instanceof Map) {
                return (Map<String, Object>) parsed;
            }
        } catch (IllegalArgumentException notJson) {
            throw new IllegalArgumentException("the " + what + " is not JSON: " + notJson.getMessage());
        }
        throw new IllegalArgumentException("the " + what + " is not a JSON object");
    }

    static String verify(BufferedReader in, Options options) throws IOException {
        String previous = GENESIS;
        long events = 0;
        int lineNumber = 0;
        String hashField = null;
        Map<Integer, byte[]> frontier = new HashMap<>();
        List<Map<String, Object>> leaves = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> object;
            try {
                object = object(line, "line");
            } catch (IllegalArgumentException e) {
                return "BROKEN line " + lineNumber + ": " + e.getMessage();
            }
            if (object.containsKey("chainHead")) {
                if (!previous.equals(object.get("chainHead"))) {
                    return "BROKEN line " + lineNumber + ": the chain head " + object.get("chainHead")
                            + " is not the last event's hash " + previous;
                }
                if (!(object.get("events") instanceof BigDecimal count) || count.longValue() != events) {
                    return "BROKEN line " + lineNumber + ": the export says " + object.get("events")
                            + " events, it holds " + events + " (lines lost or added)";
                }
                if (options.chainHead() != null && !options.chainHead().equals(previous)) {
                    return "BROKEN line " + lineNumber + ": the chain head " + previous
                            + " is not the expected head " + options.chainHead();
                }
                if (in.readLine() != null) {
                    return "BROKEN line " + (lineNumber + 1) + ": lines after the chain head";
                }
                String tree;
                try {
                    tree = tree(object, "caseHash".equals(hashField), events, frontier, leaves, options);
                } catch (IllegalArgumentException | ClassCastException malformed) {
                    return "BROKEN line " + lineNumber + ": " + malformed.getMessage();
                }
                if (tree.startsWith("BROKEN")) {
                    return tree;
                }
                if ("caseHash".equals(hashField)) {
                    return "OK " + events + " events of case " + object.get("caseId") + ", sequence 0 to "
                            + (events - 1) + " (a case export proves these events, from the case's first, are "
                            + "genuine and in the log; not that no later event exists: only a whole-log export "
                            + "proves that), chain head " + previous + ", " + tree;
                }
                return "OK " + events + " events, chain head " + previous + ", " + tree;
            }
            if (hashField == null) {
                hashField = object.containsKey("caseHash") ? "caseHash" : "hash";
            }
            String previousField = hashField.equals("caseHash") ? "casePreviousHash" : "previousHash";
            String position = " (globalPosition " + object.get("globalPosition") + ")";
            try {
                if (!previous.equals(object.get(previousField))) {
                    return "BROKEN line " + lineNumber + position + ": " + previousField + " "
                            + object.get(previousField) + " is not the previous line's hash " + previous
                            + " (an event was deleted, inserted or reordered)";
                }
                byte[] payload = base64(object.get("payload"));
                byte[] metaData = base64(object.get("metaData"));
                String recomputed = HEX.formatHex(sha256(canonical(object, payload, metaData,
                        HEX.parseHex(previous))));
                if (!recomputed.equals(object.get(hashField))) {
                    return "BROKEN line " + lineNumber + position + ": the event's content does not match its "
                            + hashField + " (recomputed " + recomputed + ", the line says " + object.get(hashField)
                            + ")";
                }
                String misread = sameJson("payload", payload, object.get("payloadJson"));
                if (misread == null) {
                    misread = sameJson("metaData", metaData, object.get("metaDataJson"));
                }
                if (misread != null) {
                    return "BROKEN line " + lineNumber + position + ": " + misread;
                }
                if (hashField.equals("caseHash")) {
                    // The global link, the leaf's input, must be this event's too: recomputed from it.
                    String global = HEX.formatHex(sha256(canonical(object, payload, metaData,
                            HEX.parseHex(string(object, "previousHash")))));
                    if (!global.equals(object.get("hash"))) {
                        return "BROKEN line " + lineNumber + position + ": the event's content does not match its "
                                + "global hash, the leaf of the Merkle tree (recomputed " + global + ")";
                    }
                    object.put("lineNumber", BigDecimal.valueOf(lineNumber));
                    leaves.add(object);
                } else {
                    addLeaf(frontier, events, HEX.parseHex(recomputed));
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                return "BROKEN line " + lineNumber + position + ": " + e.getMessage();
            }
            previous = (String) object.get(hashField);
            events++;
        }
        return "BROKEN line " + (lineNumber + 1) + ": the export ends without its chain head line (truncated)";
    }

    /** Checks the signed heads, the inclusion or the root, and the consistency with the trusted head. */
    private static String tree(Map<String, Object> last, boolean perCase, long events, Map<Integer, byte[]> frontier,
                               List<Map<String, Object>> leaves, Options options) {
        if (!(last.get("treeHead") instanceof Map)) {
            return "BROKEN: the export carries no signed tree head (export it from a Greffe with signed heads)";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> head = (Map<String, Object>) last.get("treeHead");
        String signature = signature(head, options.publicKeys(), "the export's tree head");
        if (signature != null) {
            return "BROKEN: " + signature;
        }
        String trustedSignature = signature(options.trustedHead(), options.publicKeys(), "the trusted head");
        if (trustedSignature != null) {
            return "BROKEN: " + trustedSignature;
        }
        long size = number(head.get("treeSize"), "treeSize");
        byte[] root = HEX.parseHex(string(head, "rootHash"));
        if (perCase) {
            String bound = caseBound(last, leaves);
            if (bound != null) {
                return bound;
            }
            for (Map<String, Object> leaf : leaves) {
                long index = number(leaf.get("leafIndex"), "leafIndex");
                List<byte[]> path = new ArrayList<>();
                if (!(leaf.get("auditPath") instanceof List<?> hashes)) {
                    return "BROKEN line " + leaf.get("lineNumber") + ": no auditPath";
                }
                for (Object hash : hashes) {
                    path.add(HEX.parseHex((String) hash));
                }
                if (!verifyInclusion(index, size, leafHash(HEX.parseHex(string(leaf, "hash"))), path, root)) {
                    return "BROKEN line " + leaf.get("lineNumber") + " (globalPosition " + leaf.get("globalPosition")
                            + "): its audit path does not prove it is leaf " + index + " of the signed tree of "
                            + size + " events (the event is not the one Greffe sealed and signed)";
                }
            }
        } else {
            if (events != size) {
                return "BROKEN: the export holds " + events + " events and its signed head " + size;
            }
            if (!Arrays.equals(root(frontier, events), root)) {
                return "BROKEN: the root of the exported events is not the signed head's root " + head.get("rootHash");
            }
        }
        Map<String, Object> trusted = options.trustedHead();
        long trustedSize = number(trusted.get("treeSize"), "the trusted head's treeSize");
        byte[] trustedRoot = HEX.parseHex(string(trusted, "rootHash"));
        Object proofObject = options.consistency() != null ? options.consistency() : last.get("consistency");
        if (trustedSize > size) {
            return "BROKEN: the trusted head covers " + trustedSize + " events and the export's head only " + size
                    + " (the log was truncated, or export again: the export's head must be at least as recent)";
        }
        String signedAt = string(head, "timestamp");
        String trustedAt = string(trusted, "timestamp");
        if (Instant.parse(signedAt).isBefore(Instant.parse(trustedAt))) {
            return "BROKEN: the export's head, of " + size + " events, was signed at " + signedAt + ", before the "
                    + "trusted head of " + trustedSize + " events (" + trustedAt + "): a stale head; export again";
        }
        List<byte[]> proof = new ArrayList<>();
        if (trustedSize < size) {
            if (!(proofObject instanceof Map<?, ?> consistency)
                    || !(consistency.get("proof") instanceof List<?> list)) {
                return "BROKEN: no consistency proof from the trusted head's " + trustedSize + " events to the "
                        + "export's " + size + " (export with ?trustedSize=" + trustedSize + ", or give --consistency)";
            }
            if (number(consistency.get("fromSize"), "fromSize") != trustedSize
                    || number(consistency.get("toSize"), "toSize") != size) {
                return "BROKEN: the consistency proof is from " + consistency.get("fromSize") + " to "
                        + consistency.get("toSize") + " events, not from " + trustedSize + " to " + size;
            }
            for (Object hash : list) {
                proof.add(HEX.parseHex((String) hash));
            }
        }
        if (!verifyConsistency(trustedSize, size, trustedRoot, root, proof)) {
            return "BROKEN: the export's signed head does not extend the trusted head of " + trustedSize
                    + " events (the log was rewritten, truncated or forked since that head was saved)";
        }
        return "proven in the signed tree head of " + size + " events of " + signedAt + " (root "
                + head.get("rootHash") + "), consistent with the trusted head of " + trustedSize + " events of "
                + trustedAt + (trustedSize == size ? " (the same size: this export shows nothing signed since that "
                + "head)" : "");
    }

    /**
     * Null when every event of a case export is the named case's, numbered 0, 1, 2... in order, at increasing leaves;
     * else why not. The case chain is plain SHA-256 that anyone can recompute, so it proves nothing about which events
     * a case has: this binds the lines to the case instead.
     */
    private static String caseBound(Map<String, Object> last, List<Map<String, Object>> leaves) {
        String caseId = string(last, "caseId");
        long previousLeaf = -1;
        long previousPosition = -1;
        for (int i = 0; i < leaves.size(); i++) {
            Map<String, Object> leaf = leaves.get(i);
            String where = "BROKEN line " + leaf.get("lineNumber") + " (globalPosition " + leaf.get("globalPosition")
                    + "): ";
            if (!caseId.equals(leaf.get("aggregateIdentifier"))) {
                return where + "an event of case " + leaf.get("aggregateIdentifier") + " in the export of case "
                        + caseId;
            }
            long sequence = number(leaf.get("sequenceNumber"), "sequenceNumber");
            if (sequence != i) {
                return where + "the case's event of sequence " + sequence + " where its event of sequence " + i
                        + " belongs (an event was left out, added, repeated or reordered)";
            }
            long index = number(leaf.get("leafIndex"), "leafIndex");
            long position = number(leaf.get("globalPosition"), "globalPosition");
            if (index <= previousLeaf || position <= previousPosition) {
                return where + "not after the line before it in the log (events repeated or reordered)";
            }
            previousLeaf = index;
            previousPosition = position;
        }
        return null;
    }

    /**
     * Null when the head is well-formed and its signature verifies with the given key its {@code keyId} names, else
     * why not.
     */
    static String signature(Map<String, Object> head, List<byte[]> publicKeys, String what) {
        try {
            List<String> ids = new ArrayList<>();
            byte[] publicKey = null;
            for (byte[] key : publicKeys) {
                String keyId = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
                ids.add(keyId);
                if (keyId.equals(head.get("keyId"))) {
                    publicKey = key;
                }
            }
            if (publicKey == null) {
                return what + " was signed with key " + head.get("keyId") + (ids.size() == 1
                        ? ", not with the given public key " + ids.get(0)
                        : ", not with any of the given public keys " + String.join(", ", ids));
            }
            String rootHash = string(head, "rootHash");
            if (!rootHash.matches("[0-9a-f]{64}")) {
                return what + " is malformed: its rootHash is not 64 lower-case hex digits";
            }
            long treeSize = number(head.get("treeSize"), "treeSize");
            if (treeSize < 0) {
                return what + " is malformed: its treeSize is negative";
            }
            String timestamp = string(head, "timestamp");
            Instant.parse(timestamp);
            byte[] signed = Base64.getDecoder().decode(string(head, "signature"));
            if (signed.length != 64) {
                return what + " is malformed: its signature is not 64 bytes";
            }
            byte[] message = (HEAD_FORMAT + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
            verifier.update(message);
            if (!verifier.verify(signed)) {
                return what + "'s signature does not verify with the given public key (the head was altered or "
                        + "forged)";
            }
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException
                 | DateTimeParseException e) {
            return what + " is malformed: " + e.getMessage();
        }
    }

    private static long number(Object value, String field) {
        if (!(value instanceof BigDecimal number)) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException(field + " is not a whole number");
        }
    }

    static byte[] leafHash(byte[] leaf) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 0);
            return sha256.digest(leaf);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 1);
            sha256.update(left);
            return sha256.digest(right);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds leaf {@code index} (its input) to the complete subtrees waiting for a right sibling. */
    static void addLeaf(Map<Integer, byte[]> frontier, long index, byte[] leaf) {
        byte[] hash = leafHash(leaf);
        int level = 0;
        long at = index;
        while ((at & 1) == 1) {
            hash = nodeHash(frontier.remove(level), hash);
            level++;
            at >>= 1;
        }
        frontier.put(level, hash);
    }

    /** The root of the tree of {@code size} leaves whose pending subtrees are {@code frontier}. */
    static byte[] root(Map<Integer, byte[]> frontier, long size) {
        if (size == 0) {
            return sha256(new byte[0]);
        }
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            byte[] part = frontier.get(level);
            if (part != null) {
                root = root == null ? part : nodeHash(part, root);
            }
        }
        return root;
    }

    /** RFC 9162, 2.1.3.2: whether the path proves the leaf hash is leaf {@code index} of the tree with this root. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162, 2.1.4.2: whether the proof shows the tree of {@code second} leaves extends that of {@code first}. */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                     List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /**
     * This file's tree algorithms against the Certificate Transparency test vectors (google/certificate-transparency,
     * transparency-dev/merkle): the roots of the eight leaves at every size, known inclusion and consistency proofs,
     * and altered proofs that must fail.
     */
    static String selfTest() {
        String[] leaves = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
        String[] roots = {"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
        Map<Integer, byte[]> frontier = new HashMap<>();
        if (!HEX.formatHex(root(frontier, 0)).equals(roots[0])) {
            return "FAILED: the empty root";
        }
        for (int i = 0; i < leaves.length; i++) {
            addLeaf(frontier, i, HEX.parseHex(leaves[i]));
            if (!HEX.formatHex(root(frontier, i + 1)).equals(roots[i + 1])) {
                return "FAILED: the root of " + (i + 1) + " leaves";
            }
        }
        String[][] inclusion = {
            {"0", "8", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {"5", "8", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {"2", "3", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
            {"1", "5", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}};
        for (String[] vector : inclusion) {
            int index = Integer.parseInt(vector[0]);
            int size = Integer.parseInt(vector[1]);
            List<byte[]> path = hexes(vector);
            byte[] leaf = leafHash(HEX.parseHex(leaves[index]));
            if (!verifyInclusion(index, size, leaf, path, HEX.parseHex(roots[size]))) {
                return "FAILED: the inclusion proof of leaf " + index + " in " + size;
            }
            if (verifyInclusion(index ^ 1, size, leaf, path, HEX.parseHex(roots[size]))
                    || verifyInclusion(index, size, leaf, path, HEX.parseHex(roots[size - 1]))
                    || verifyInclusion(index, size, leaf, path.subList(0, path.size() - 1),
                                       HEX.parseHex(roots[size]))) {
                return "FAILED: an altered inclusion proof of leaf " + index + " in " + size + " verified";
            }
        }
        String[][] consistency = {
            {"1", "8", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {"6", "8", "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {"2", "5", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
            {"6", "7", "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}};
        for (String[] vector : consistency) {
            int first = Integer.parseInt(vector[0]);
            int second = Integer.parseInt(vector[1]);
            List<byte[]> proof = hexes(vector);
            if (!verifyConsistency(first, second, HEX.parseHex(roots[first]), HEX.parseHex(roots[second]), proof)) {
                return "FAILED: the consistency proof from " + first + " to " + second;
            }
            if (verifyConsistency(first, second, HEX.parseHex(roots[first - 1]), HEX.parseHex(roots[second]), proof)
                    || verifyConsistency(first, second, HEX.parseHex(roots[first]), HEX.parseHex(roots[second]),
                                         List.of())) {
                return "FAILED: an altered consistency proof from " + first + " to " + second + " verified";
            }
        }
        return "OK the Merkle tree algorithms match the Certificate Transparency test vectors";
    }

    private static List<byte[]> hexes(String[] vector) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 2; i < vector.length; i++) {
            hashes.add(HEX.parseHex(vector[i]));
        }
        return hashes;
    }

    static byte[] canonical(Map<String, Object> event, byte[] payload, byte[] metaData, byte[] previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, TAG);
        number(out, event.get("globalPosition"), "globalPosition");
        text(out, string(event, "eventIdentifier"));
        text(out, string(event, "aggregateIdentifier"));
        number(out, event.get("sequenceNumber"), "sequenceNumber");
        text(out, string(event, "type"));
        text(out, string(event, "payloadType"));
        text(out, string(event, "payloadRevision"));
        text(out, string(event, "timestamp"));
        bytes(out, payload);
        bytes(out, metaData);
        bytes(out, previousHash);
        return out.toByteArray();
    }

    private static String string(Map<String, Object> event, String field) {
        Object value = event.get(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return (String) value;
    }

    private static void number(ByteArrayOutputStream out, Object value, String field) {
        if (!(value instanceof BigDecimal number)) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        out.writeBytes(ByteBuffer.allocate(8).putLong(number.longValueExact()).array());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] base64(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("payload and metaData are base64 strings");
        }
        return Base64.getDecoder().decode(text);
    }

    /** The readable JSON must say what the bytes say, or a reader could be shown one thing and the hash another. */
    private static String sameJson(String field, byte[] bytes, Object readable) {
        Object decoded;
        try {
            decoded = bytes == null ? null : new Json(new String(bytes, StandardCharsets.UTF_8)).document();
        } catch (IllegalArgumentException notJson) {
            decoded = null;
        }
        return Json.same(decoded, readable) ? null
                : field + "Json does not say what the " + field + " bytes say";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small, strict JSON reader (RFC 8259): objects become LinkedHashMap, arrays ArrayList, numbers BigDecimal,
     * strings String, true/false Boolean, null null. A duplicate key is refused, so no line can show one value and
     * hash another.
     */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!same(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a == null ? b == null : a.equals(b);
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("a key must be a string");
                }
                String key = string();
                space();
                expect(':');
                if (map.containsKey(key)) {
                    throw error("duplicate key " + key);
                }
                map.put(key, value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw error("bad value " + (number.isEmpty() ? text.charAt(start) : number));
            }
            return new BigDecimal(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("bad literal");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException(why + " at column " + (at + 1));
        }
    }
}
