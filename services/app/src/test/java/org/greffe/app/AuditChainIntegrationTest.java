package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.audit.application.AuditChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain on an untouched log: it verifies, and its exports, whole and per case, pass the standalone
 * verifier {@code tools/verifier/GreffeVerifier.java}, run as a separate JVM exactly as a third party would, which
 * refuses the same export with one line altered.
 */
class AuditChainIntegrationTest extends IntegrationTest {

    @Autowired
    private AuditChain chain;

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
        sealThrough(chain, jdbc, lastIndexOf(caseId));
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

        Path file = write(export.text());
        Verdict ok = runVerifier(file);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).startsWith("OK " + (lines.size() - 1) + " events, chain head ");
        if (head.equals(last.get("chainHead").asText())) {
            assertThat(runVerifier(file, head).exitCode()).isZero();
        }
        assertThat(runVerifier(file, "ab".repeat(32)).output()).contains("is not the expected head");

        List<String> altered = new ArrayList<>(lines);
        altered.set(0, lines.get(0).replaceFirst("\"timestamp\":\"", "\"timestamp\":\"1"));
        Verdict broken = runVerifier(write(String.join("\n", altered) + "\n"));
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
        sealThrough(chain, jdbc, lastIndexOf(caseId));

        Response export = get("/api/audit/export?caseId=" + caseId);
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(4);
        JsonNode last = JSON.readTree(lines.get(3));
        assertThat(last.get("chain").asText()).isEqualTo("case");
        assertThat(last.get("caseId").asText()).isEqualTo(caseId);
        assertThat(last.get("chainHead").asText()).isEqualTo(JSON.readTree(lines.get(2)).get("caseHash").asText());
        assertThat(JSON.readTree(lines.get(0)).get("casePreviousHash").asText()).isEqualTo("0".repeat(64));

        Verdict ok = runVerifier(write(export.text()), last.get("chainHead").asText());
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).isEqualTo("OK 3 events, chain head " + last.get("chainHead").asText());

        Verdict dropped = runVerifier(write(lines.get(0) + "\n" + lines.get(2) + "\n" + lines.get(3) + "\n"));
        assertThat(dropped.exitCode()).isEqualTo(1);
        assertThat(dropped.output()).startsWith("BROKEN line 2")
                                    .contains("an event was deleted, inserted or reordered");

        assertThat(get("/api/audit/export?caseId=no-such-case").status()).isEqualTo(404);
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

    /** Runs {@code java tools/verifier/GreffeVerifier.java file [head]} from the repository root. */
    static Verdict runVerifier(Path file, String... head) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("tools/verifier/GreffeVerifier.java"))) {
            root = root.getParent();
            assertThat(root).as("the repository root, above the module directory").isNotNull();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "tools/verifier/GreffeVerifier.java", file.toString()));
        command.addAll(List.of(head));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(process.exitValue(), output);
    }
}
