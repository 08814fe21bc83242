package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.application.TreeHead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain on an untouched log: it verifies, and its exports, whole and per case, pass the standalone
 * verifier {@code tools/verifier/GreffeVerifier.java}, run as a separate JVM exactly as a third party would, with the
 * published public key and a signed head saved earlier; it refuses the same export with one line altered, an event
 * forged with its chains recomputed, and any export when given no key or no trusted head.
 */
class AuditChainIntegrationTest extends IntegrationTest {

    @Autowired
    private AuditChain chain;

    @Autowired
    private AuditTree tree;

    /** What an auditor keeps: Greffe's public key and a signed head, saved before the export. */
    private String[] auditorsFiles(String caseId) throws IOException {
        sealThrough(chain, jdbc, lastIndexOf(caseId));
        tree.signHead();
        Path key = write(get("/api/audit/tree/keys/current").text());
        Path head = write(get("/api/audit/tree/heads/latest").text());
        return new String[]{"--public-key", key.toString(), "--trusted-head", head.toString()};
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anUntouchedLogVerifies() {
        String caseId = fileCase("2019-03-14");
        long last = lastIndexOf(caseId);
        sealThrough(chain, jdbc, last);

        JsonNode verification = post("/api/audit/verify", "").json();

        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        assertThat(verification.get("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_chain", Long.class));
        assertThat(verification.get("chainHead").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT encode(hash, 'hex') FROM audit_chain ORDER BY global_index DESC LIMIT 1", String.class));
    }

    @Test
    void theWholeLogExportPassesTheStandaloneVerifierAndAnAlteredLineFails() throws Exception {
        String caseId = fileCase("2019-03-15");
        post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}");
        String[] auditor = auditorsFiles(caseId);
        String head = post("/api/audit/verify", "").json().get("chainHead").asText();

        Response export = get("/api/audit/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> lines = export.text().lines().toList();
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(last.get("chain").asText()).isEqualTo("log");
        assertThat(last.get("events").asLong()).isEqualTo(lines.size() - 1);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(first.get("payloadJson").isObject()).isTrue();

        assertThat(last.get("treeHead").get("treeSize").asLong()).isEqualTo(lines.size() - 1);
        Path file = write(export.text());
        Verdict ok = runVerifier(file, auditor);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).startsWith("OK " + (lines.size() - 1) + " events, chain head ")
                               .contains("proven in the signed tree head of " + (lines.size() - 1) + " events");
        if (head.equals(last.get("chainHead").asText())) {
            assertThat(runVerifier(file, with(auditor, "--chain-head", head)).exitCode()).isZero();
        }
        assertThat(runVerifier(file, with(auditor, "--chain-head", "ab".repeat(32))).output())
                .contains("is not the expected head");

        List<String> altered = new ArrayList<>(lines);
        altered.set(0, lines.get(0).replaceFirst("\"timestamp\":\"", "\"timestamp\":\"1"));
        Verdict broken = runVerifier(write(String.join("\n", altered) + "\n"), auditor);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).startsWith("BROKEN line 1 (globalPosition " + first.get("globalPosition"))
                                   .contains("does not match its hash");
    }

    @Test
    void oneCasesExportPassesTheStandaloneVerifierAndADroppedLineFails() throws Exception {
        String caseId = fileCase("2019-03-16");
        String hearing = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
        fileCase("2019-03-17");
        post("/api/cases/" + caseId + "/hearings/" + hearing + "/adjournment",
                "{\"on\":\"2019-10-02\",\"reason\":\"ACCUSED_ABSENT\"}");
        String[] auditor = auditorsFiles(caseId);

        Response export = get("/api/audit/export?caseId=" + caseId);
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(4);
        JsonNode last = JSON.readTree(lines.get(3));
        assertThat(last.get("chain").asText()).isEqualTo("case");
        assertThat(last.get("caseId").asText()).isEqualTo(caseId);
        assertThat(last.get("chainHead").asText()).isEqualTo(JSON.readTree(lines.get(2)).get("caseHash").asText());
        assertThat(JSON.readTree(lines.get(0)).get("casePreviousHash").asText()).isEqualTo("0".repeat(64));

        Verdict ok = runVerifier(write(export.text()), with(auditor, "--chain-head", last.get("chainHead").asText()));
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).startsWith("OK 3 events of case " + caseId + ", sequence 0 to 2 (")
                               .contains(", chain head " + last.get("chainHead").asText() + ", proven in "
                + "the signed tree head of " + last.get("treeHead").get("treeSize").asLong() + " events");

        Verdict dropped = runVerifier(write(lines.get(0) + "\n" + lines.get(2) + "\n" + lines.get(3) + "\n"),
                auditor);
        assertThat(dropped.exitCode()).isEqualTo(1);
        assertThat(dropped.output()).startsWith("BROKEN line 2")
                                    .contains("an event was deleted, inserted or reordered");

        assertThat(get("/api/audit/export?caseId=no-such-case").status()).isEqualTo(404);
    }

    @Test
    void theVerifierRefusesToSayOkWithoutAPublicKeyOrATrustedHead() throws Exception {
        String caseId = fileCase("2019-03-18");
        String[] auditor = auditorsFiles(caseId);
        Path file = write(get("/api/audit/export?caseId=" + caseId).text());

        Verdict noKey = runVerifier(file, auditor[2], auditor[3]);
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.output()).startsWith("no public key: give Greffe's head signing key with --public-key");
        Verdict noHead = runVerifier(file, auditor[0], auditor[1]);
        assertThat(noHead.exitCode()).isEqualTo(2);
        assertThat(noHead.output()).startsWith("no trusted head: give a signed tree head saved earlier");
        assertThat(runVerifier(file, auditor).exitCode()).isZero();
    }

    @Test
    void aCaseExportWithAForgedEventFailsEvenWithBothChainsRecomputed() throws Exception {
        String caseId = fileCase("2019-03-19");
        post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}");
        String[] auditor = auditorsFiles(caseId);
        List<String> lines = get("/api/audit/export?caseId=" + caseId).text().lines().toList();
        assertThat(runVerifier(write(String.join("\n", lines) + "\n"), auditor).exitCode()).isZero();

        // The forger lowers a victim count and recomputes every hash the file holds: case chain, global link, head.
        List<String> forged = new ArrayList<>();
        String casePrevious = "0".repeat(64);
        for (int i = 0; i < lines.size() - 1; i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
            if (i == 0) {
                String payload = new String(Base64.getDecoder().decode(line.get("payload").asText()),
                        StandardCharsets.UTF_8).replace("\"women\":1", "\"women\":0");
                assertThat(payload).contains("\"women\":0");
                line.put("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
                line.set("payloadJson", JSON.readTree(payload));
            }
            StoredEvent event = new StoredEvent(line.get("globalPosition").asLong(),
                    line.get("eventIdentifier").asText(), line.get("aggregateIdentifier").asText(),
                    line.get("sequenceNumber").asLong(), line.get("type").asText(), line.get("payloadType").asText(),
                    line.get("payloadRevision").isNull() ? null : line.get("payloadRevision").asText(),
                    line.get("timestamp").asText(), Base64.getDecoder().decode(line.get("payload").asText()),
                    Base64.getDecoder().decode(line.get("metaData").asText()));
            line.put("hash", ChainHash.hex(ChainHash.hash(event, HexFormat.of().parseHex(
                    line.get("previousHash").asText()))));
            line.put("casePreviousHash", casePrevious);
            casePrevious = ChainHash.hex(ChainHash.hash(event, HexFormat.of().parseHex(casePrevious)));
            line.put("caseHash", casePrevious);
            forged.add(line.toString());
        }
        ObjectNode last = (ObjectNode) JSON.readTree(lines.get(lines.size() - 1));
        last.put("chainHead", casePrevious);
        forged.add(last.toString());

        Verdict verdict = runVerifier(write(String.join("\n", forged) + "\n"), auditor);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("BROKEN line 1 (globalPosition ")
                                    .contains("its audit path does not prove it is leaf");
    }

    @Test
    void aCaseExportEditedWithItsCaseChainRecomputedFailsUnlessItIsTheCasesFirstEvents() throws Exception {
        String caseId = fileCase("2019-03-22");
        String hearing = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
        String other = fileCase("2019-03-23");
        post("/api/cases/" + caseId + "/hearings/" + hearing + "/adjournment",
                "{\"on\":\"2019-10-02\",\"reason\":\"ACCUSED_ABSENT\"}");
        String[] auditor = auditorsFiles(caseId);
        List<String> lines = get("/api/audit/export?caseId=" + caseId).text().lines().toList();
        List<String> others = get("/api/audit/export?caseId=" + other).text().lines().toList();
        assertThat(lines).hasSize(4);
        String head = JSON.readTree(lines.get(3)).get("treeHead").toString();
        assertThat(JSON.readTree(others.get(others.size() - 1)).get("treeHead").toString())
                .as("both exports are proven in one head").isEqualTo(head);
        Verdict honest = runVerifier(write(String.join("\n", lines) + "\n"), auditor);
        assertThat(honest.exitCode()).as(honest.output()).isZero();
        assertThat(honest.output()).startsWith("OK 3 events of case " + caseId + ", sequence 0 to 2 (a case export "
                + "proves these events, from the case's first, are genuine and in the log; not that no later event "
                + "exists: only a whole-log export proves that), chain head ");

        // Each edit keeps every event's global hash and audit path, and recomputes the plain case chain.
        Verdict middle = runVerifier(caseExport(lines.get(3), lines.get(0), lines.get(2)), auditor);
        assertThat(middle.exitCode()).as(middle.output()).isEqualTo(1);
        assertThat(middle.output()).startsWith("BROKEN line 2 (globalPosition ").endsWith("the case's event of "
                + "sequence 2 where its event of sequence 1 belongs (an event was left out, added, repeated or "
                + "reordered)");
        Verdict spliced = runVerifier(caseExport(lines.get(3), lines.get(0), lines.get(1), lines.get(2),
                others.get(0)), auditor);
        assertThat(spliced.exitCode()).as(spliced.output()).isEqualTo(1);
        assertThat(spliced.output()).startsWith("BROKEN line 4 (globalPosition ").endsWith("an event of case " + other
                + " in the export of case " + caseId);
        Verdict repeated = runVerifier(caseExport(lines.get(3), lines.get(0), lines.get(1), lines.get(1),
                lines.get(2)), auditor);
        assertThat(repeated.exitCode()).as(repeated.output()).isEqualTo(1);
        assertThat(repeated.output()).startsWith("BROKEN line 3 (globalPosition ");
        Verdict reordered = runVerifier(caseExport(lines.get(3), lines.get(1), lines.get(0), lines.get(2)), auditor);
        assertThat(reordered.exitCode()).as(reordered.output()).isEqualTo(1);

        // The tail left out is the limit of a log tree: the case's first events are still genuine, and the OK says so.
        Verdict tail = runVerifier(caseExport(lines.get(3), lines.get(0), lines.get(1)), auditor);
        assertThat(tail.exitCode()).as(tail.output()).isZero();
        assertThat(tail.output()).startsWith("OK 2 events of case " + caseId + ", sequence 0 to 1 (")
                                 .contains("not that no later event exists");
    }

    /** A case export of these event lines, its case chain, chain head and count recomputed as a forger would. */
    private static Path caseExport(String lastLine, String... eventLines) throws IOException {
        List<String> out = new ArrayList<>();
        String casePrevious = "0".repeat(64);
        for (String text : eventLines) {
            ObjectNode line = (ObjectNode) JSON.readTree(text);
            StoredEvent event = new StoredEvent(line.get("globalPosition").asLong(),
                    line.get("eventIdentifier").asText(), line.get("aggregateIdentifier").asText(),
                    line.get("sequenceNumber").asLong(), line.get("type").asText(), line.get("payloadType").asText(),
                    line.get("payloadRevision").isNull() ? null : line.get("payloadRevision").asText(),
                    line.get("timestamp").asText(), Base64.getDecoder().decode(line.get("payload").asText()),
                    Base64.getDecoder().decode(line.get("metaData").asText()));
            line.put("casePreviousHash", casePrevious);
            casePrevious = ChainHash.hex(ChainHash.hash(event, HexFormat.of().parseHex(casePrevious)));
            line.put("caseHash", casePrevious);
            out.add(line.toString());
        }
        ObjectNode last = (ObjectNode) JSON.readTree(lastLine);
        last.put("chainHead", casePrevious);
        last.put("events", eventLines.length);
        out.add(last.toString());
        return write(String.join("\n", out) + "\n");
    }

    @Test
    void anExportCarriesTheConsistencyProofFromTheAuditorsSavedHead() throws Exception {
        String first = fileCase("2019-03-20");
        String[] auditor = auditorsFiles(first);
        JsonNode saved = JSON.readTree(Files.readString(Path.of(auditor[3])));
        String later = fileCase("2019-03-21");
        sealThrough(chain, jdbc, lastIndexOf(later));

        String export = get("/api/audit/export?caseId=" + later + "&trustedSize=" + saved.get("treeSize")).text();
        JsonNode last = JSON.readTree(export.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(last.get("treeHead").get("treeSize").asLong()).isGreaterThan(saved.get("treeSize").asLong());
        assertThat(last.get("consistency").get("fromSize").asLong()).isEqualTo(saved.get("treeSize").asLong());
        Verdict ok = runVerifier(write(export), auditor);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).endsWith("consistent with the trusted head of " + saved.get("treeSize") + " events of "
                + saved.get("timestamp").asText());

        // Without the proof, or with a trusted head whose root was changed, or signed by another key: no OK.
        String withoutProof = get("/api/audit/export?caseId=" + later).text();
        assertThat(runVerifier(write(withoutProof), auditor).output()).contains("no consistency proof from");
        ObjectNode altered = (ObjectNode) saved.deepCopy();
        altered.put("rootHash", "ab".repeat(32));
        Verdict forgedHead = runVerifier(write(export), auditor[0], auditor[1], "--trusted-head",
                write(altered.toString()).toString());
        assertThat(forgedHead.output()).isEqualTo("BROKEN: the trusted head's signature does not verify with the "
                + "given public key (the head was altered or forged)");
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path otherKey = write(Base64.getEncoder().encodeToString(other.getPublic().getEncoded()));
        Verdict wrongKey = runVerifier(write(export), "--public-key", otherKey.toString(), auditor[2], auditor[3]);
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.output()).contains("was signed with key " + saved.get("keyId").asText()
                + ", not with the given public key");
    }

    @Test
    void afterARotationTheVerifierTakesEachHeadsKeyByIdAndRefusesAStaleHead() throws Exception {
        String first = fileCase("2019-03-24");
        String[] auditor = auditorsFiles(first);
        JsonNode saved = JSON.readTree(Files.readString(Path.of(auditor[3])));
        String later = fileCase("2019-03-25");
        sealThrough(chain, jdbc, lastIndexOf(later));
        List<String> lines = get("/api/audit/export?caseId=" + later + "&trustedSize=" + saved.get("treeSize"))
                .text().lines().toList();
        ObjectNode last = (ObjectNode) JSON.readTree(lines.get(lines.size() - 1));
        JsonNode head = last.get("treeHead");
        assertThat(head.get("treeSize").asLong()).isGreaterThan(saved.get("treeSize").asLong());

        // The key rotated since the auditor saved the head: the export's head is signed with the new key.
        KeyPair rotated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        last.set("treeHead", signedWith(rotated, head, head.get("timestamp").asText()));
        Path export = write(String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + last + "\n");
        Path newKey = write(Base64.getEncoder().encodeToString(rotated.getPublic().getEncoded()));
        Verdict bothKeys = runVerifier(export, with(auditor, "--public-key", newKey.toString()));
        assertThat(bothKeys.exitCode()).as(bothKeys.output()).isZero();
        Verdict oldKeyOnly = runVerifier(export, auditor);
        assertThat(oldKeyOnly.output()).startsWith("BROKEN: the export's tree head was signed with key "
                + keyId(rotated) + ", not with the given public key " + saved.get("keyId").asText());

        // A head signed after the export's, of fewer events, cannot come from one honest log: the export is stale.
        String afterward = Instant.parse(head.get("timestamp").asText()).plusSeconds(3600).toString();
        Path trusted = write(signedWith(rotated, saved, afterward).toString());
        Verdict stale = runVerifier(export, "--public-key", newKey.toString(), "--trusted-head", trusted.toString());
        assertThat(stale.exitCode()).as(stale.output()).isEqualTo(1);
        assertThat(stale.output()).isEqualTo("BROKEN: the export's head, of " + head.get("treeSize") + " events, was "
                + "signed at " + head.get("timestamp").asText() + ", before the trusted head of "
                + saved.get("treeSize") + " events (" + afterward + "): a stale head; export again");

        // A malformed head is refused in one sentence.
        ObjectNode malformed = (ObjectNode) JSON.readTree(Files.readString(Path.of(auditor[3])));
        malformed.put("treeSize", 1.5);
        Verdict notWhole = runVerifier(export, auditor[0], auditor[1], "--public-key", newKey.toString(),
                "--trusted-head", write(malformed.toString()).toString());
        assertThat(notWhole.output())
                .isEqualTo("BROKEN: the trusted head is malformed: treeSize is not a whole number");
    }

    /** The head's size and root signed at that time with the key, as a Greffe holding it would. */
    private static ObjectNode signedWith(KeyPair key, JsonNode head, String timestamp) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(TreeHead.message(head.get("treeSize").asLong(), head.get("rootHash").asText(), timestamp));
        ObjectNode signed = JSON.createObjectNode();
        signed.put("treeSize", head.get("treeSize").asLong());
        signed.put("rootHash", head.get("rootHash").asText());
        signed.put("timestamp", timestamp);
        signed.put("keyId", keyId(key));
        signed.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        return signed;
    }

    private static String keyId(KeyPair key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded()),
                0, 8);
    }

    @Test
    void theVerifiersOwnTreeAlgorithmsMatchTheCertificateTransparencyVectors() throws Exception {
        Verdict selfTest = java(List.of("--self-test"));
        assertThat(selfTest.exitCode()).as(selfTest.output()).isZero();
        assertThat(selfTest.output()).isEqualTo("OK the Merkle tree algorithms match the Certificate Transparency "
                + "test vectors");
    }

    private long lastIndexOf(String caseId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);
    }

    /** Seals until the chain reaches {@code index}: a background transaction may hold the horizon back briefly. */
    static void sealThrough(AuditChain chain, org.springframework.jdbc.core.JdbcTemplate jdbc, long index) {
        awaitUntil("the chain is sealed through " + index, Duration.ofSeconds(20), () -> {
            chain.sealPending();
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class);
            return head != null && head >= index;
        });
    }

    static Path write(String text) throws IOException {
        Path file = Files.createTempFile("greffe-export", ".ndjson");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The exit code and output of the standalone verifier.
     *
     * @param exitCode 0 verified, 1 broken
     * @param output   what it printed
     */
    record Verdict(int exitCode, String output) {
    }

    /** Runs {@code java tools/verifier/GreffeVerifier.java file options...} from the repository root. */
    static Verdict runVerifier(Path file, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(file.toString()));
        arguments.addAll(List.of(options));
        return java(arguments);
    }

    private static Path compiled;

    /** The verifier compiled from its source, once per test JVM. */
    private static synchronized Path compiledVerifier(Path root) throws IOException {
        if (compiled == null) {
            Path classes = Files.createTempDirectory("greffe-verifier");
            int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                    classes.toString(), root.resolve("tools/verifier/GreffeVerifier.java").toString());
            assertThat(status).as("javac tools/verifier/GreffeVerifier.java").isZero();
            compiled = classes;
        }
        return compiled;
    }

    /** Runs {@code java tools/verifier/GreffeVerifier.java arguments...} from the repository root. */
    static Verdict java(List<String> arguments) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("tools/verifier/GreffeVerifier.java"))) {
            root = root.getParent();
            assertThat(root).as("the repository root, above the module directory").isNotNull();
        }
        // Compiled once, then run as a class: the same source and JVM as a third party's source launch
        // (the self-test runs it that way), without compiling it again for each of the tests' thirty runs.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(arguments.equals(List.of("--self-test")) ? List.of("tools/verifier/GreffeVerifier.java")
                : List.of("-cp", compiledVerifier(root).toString(), "GreffeVerifier"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(process.exitValue(), output);
    }
}
