package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.application.TreeHead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.app.AuditChainIntegrationTest.sealThrough;

/**
 * Signed tree heads and proofs through HTTP, as an auditor uses them: fetch a head and the published key and check
 * the signature with the JDK; prove a case's events against the head's root; prove that a later head extends an
 * earlier one; bad sizes get a one-sentence problem.
 */
class TreeHeadsIntegrationTest extends IntegrationTest {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    private AuditChain chain;

    @Autowired
    private AuditTree tree;

    /** Seals the case's events and signs a head covering them; returns the latest head as served over HTTP. */
    private JsonNode signedHeadCovering(String caseId) {
        sealThrough(chain, jdbc, jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId));
        tree.signHead();
        Response head = get("/api/audit/tree/heads/latest");
        assertThat(head.status()).as(head.text()).isEqualTo(200);
        return head.json();
    }

    static TreeHead headOf(JsonNode json) {
        return new TreeHead(json.get("treeSize").asLong(), json.get("rootHash").asText(),
                json.get("timestamp").asText(), json.get("keyId").asText(), json.get("signature").asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        return hashes;
    }

    @Test
    void theLatestHeadIsSignedWithThePublishedKeyAndIsTheRootOfTheSealedChain() {
        String caseId = fileCase("2019-04-01");
        TreeHead head = headOf(signedHeadCovering(caseId));

        JsonNode keys = get("/api/audit/tree/keys").json();
        JsonNode key = null;
        for (JsonNode published : keys) {
            if (published.get("keyId").asText().equals(head.keyId())) {
                key = published;
            }
        }
        assertThat(key).as(keys.toString()).isNotNull();
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        byte[] publicKey = Base64.getDecoder().decode(key.get("publicKey").asText());
        assertThat(head.signedBy(publicKey)).isTrue();
        assertThat(new TreeHead(head.treeSize() + 1, head.rootHash(), head.timestamp(), head.keyId(),
                head.signature()).signedBy(publicKey)).as("a head with another size").isFalse();
        assertThat(get("/api/audit/tree/keys/" + head.keyId()).text()).startsWith("-----BEGIN PUBLIC KEY-----\n"
                + key.get("publicKey").asText());

        // The root is the RFC 6962 root of the chain's first treeSize hashes, recomputed here from the chain alone.
        List<byte[]> leaves = jdbc.query("SELECT hash FROM audit_chain ORDER BY global_index LIMIT ?",
                (rs, row) -> MerkleTree.leafHash(rs.getBytes(1)), head.treeSize());
        assertThat(leaves).hasSize((int) head.treeSize());
        assertThat(HEX.formatHex(rootOf(leaves))).isEqualTo(head.rootHash());
        assertThat(get("/api/audit/tree/heads/" + head.treeSize()).json().get("signature").asText())
                .isEqualTo(head.signature());
    }

    private static byte[] rootOf(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(rootOf(leaves.subList(0, split)), rootOf(leaves.subList(split, leaves.size())));
    }

    @Test
    void everyEventOfACaseIsProvenInTheHeadsTree() {
        String caseId = fileCase("2019-04-02");
        fileCase("2019-04-02");
        post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}");
        TreeHead head = headOf(signedHeadCovering(caseId));

        JsonNode inclusion = get("/api/audit/tree/inclusion?caseId=" + caseId + "&treeSize=" + head.treeSize())
                .json();
        assertThat(inclusion.get("rootHash").asText()).isEqualTo(head.rootHash());
        assertThat(inclusion.get("events")).hasSize(2);
        int bound = 64 - Long.numberOfLeadingZeros(head.treeSize() - 1);
        for (JsonNode event : inclusion.get("events")) {
            String chainHash = jdbc.queryForObject("SELECT encode(hash, 'hex') FROM audit_chain WHERE global_index = ?",
                    String.class, event.get("globalPosition").asLong());
            assertThat(event.get("chainHash").asText()).isEqualTo(chainHash);
            List<byte[]> path = hashes(event.get("auditPath"));
            assertThat(path.size()).isLessThanOrEqualTo(bound);
            assertThat(MerkleTree.verifyInclusion(event.get("leafIndex").asLong(), head.treeSize(),
                    MerkleTree.leafHash(HEX.parseHex(chainHash)), path, HEX.parseHex(head.rootHash()))).isTrue();
            assertThat(MerkleTree.verifyInclusion(event.get("leafIndex").asLong() ^ 1, head.treeSize(),
                    MerkleTree.leafHash(HEX.parseHex(chainHash)), path, HEX.parseHex(head.rootHash()))).isFalse();
        }
        assertThat(get("/api/audit/tree/inclusion?caseId=" + caseId).json().get("treeSize").asLong())
                .isGreaterThanOrEqualTo(head.treeSize());
    }

    @Test
    void aLaterHeadIsProvenToExtendAnEarlierOne() {
        TreeHead first = headOf(signedHeadCovering(fileCase("2019-04-03")));
        TreeHead second = headOf(signedHeadCovering(fileCase("2019-04-04")));
        assertThat(second.treeSize()).isGreaterThan(first.treeSize());

        JsonNode proof = get("/api/audit/tree/consistency?from=" + first.treeSize() + "&to=" + second.treeSize())
                .json();
        assertThat(proof.get("fromRoot").asText()).isEqualTo(first.rootHash());
        assertThat(proof.get("toRoot").asText()).isEqualTo(second.rootHash());
        List<byte[]> hashes = hashes(proof.get("proof"));
        assertThat(hashes.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(second.treeSize() - 1) + 1);
        assertThat(MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), HEX.parseHex(first.rootHash()),
                HEX.parseHex(second.rootHash()), hashes)).isTrue();

        JsonNode verification = post("/api/audit/verify", JSON.valueToTree(first).toString()).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("tree").get("trustedHead").get("treeSize").asLong())
                .isEqualTo(first.treeSize());
    }

    @Test
    void theMetricsShowTheTreeAndItsLatestHead() {
        TreeHead head = headOf(signedHeadCovering(fileCase("2019-04-06")));
        awaitUntil("the metrics read the head of " + head.treeSize() + " events", Duration.ofSeconds(15), () -> {
            String metrics = get("/actuator/prometheus").text();
            return sample(metrics, "greffe_audit_tree_head_size") >= head.treeSize()
                    && sample(metrics, "greffe_audit_tree_size") >= head.treeSize();
        });
        String metrics = get("/actuator/prometheus").text();
        assertThat(sample(metrics, "greffe_audit_tree_head_age_seconds")).isBetween(0.0, 3600.0);
        assertThat(sample(metrics, "greffe_audit_tree_unsigned_events")).isGreaterThanOrEqualTo(0.0);
    }

    private static double sample(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                      .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                      .orElseThrow(() -> new AssertionError("no sample " + name));
    }

    @Test
    void badSizesAreRefusedInOneSentence() {
        signedHeadCovering(fileCase("2019-04-05"));
        long size = tree.size();
        Response tooLarge = get("/api/audit/tree/consistency?from=1&to=" + (size + 1000));
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(400);
        assertThat(tooLarge.json().get("detail").asText()).startsWith("to must be between 1 and ");
        Response reversed = get("/api/audit/tree/consistency?from=2&to=1");
        assertThat(reversed.status()).as(reversed.text()).isEqualTo(400);
        assertThat(reversed.json().get("detail").asText()).isEqualTo("from must be between 1 and to (1)");
        Response notANumber = get("/api/audit/tree/heads/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("detail").asText())
                .isEqualTo("treeSize must be a whole number of at least 1, not abc");
        assertThat(get("/api/audit/tree/heads/" + (size + 1000)).status()).isEqualTo(404);
        Response export = get("/api/audit/export?trustedSize=" + (size + 1000));
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.json().get("detail").asText()).startsWith("trustedSize must be at most ");
    }
}
