package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.infrastructure.JdbcMerkleTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.app.AuditChainIntegrationTest.runVerifier;
import static org.greffe.app.AuditChainIntegrationTest.sealThrough;
import static org.greffe.app.AuditChainIntegrationTest.write;

/**
 * An attacker with the database owner's rights rewrites the end of the sealed log so that the hash chain and the
 * Merkle tree are whole again: the signed head an auditor saved before catches it, through {@code POST
 * /api/audit/verify} and through the standalone verifier. A fork (the last sealed event removed and another sealed in
 * its place) and a truncation both fail against the saved head; heads left behind, and a tree node altered, fail
 * verify on their own. These tests damage the log: they have a database of their own.
 */
class TreeTamperingIntegrationTest extends HttpIntegrationTest {

    private static final HexFormat HEX = HexFormat.of();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "tree-tamper", false);
        registry.add("greffe.audit.gap-settle", () -> "200ms");
    }

    @Autowired
    private AuditChain chain;

    @Autowired
    private AuditTree tree;

    @Autowired
    private JdbcMerkleTree merkleTree;

    /**
     * Runs SQL as the database's administrator would, past the append-only triggers (session_replication_role replica
     * needs a superuser). Greffe's own role may do none of this (AppRoleTamperingIntegrationTest).
     */
    private void tamper(String sql, Object... arguments) {
        asDba(dba -> {
            dba.execute("SET LOCAL session_replication_role = replica");
            dba.update(sql, arguments);
        });
    }

    /** Removes the sealed events from leaf {@code leaf} on, with their links, leaves and every node over them. */
    private void cutFrom(long leaf, boolean alsoHeads) {
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM audit_tree_leaf WHERE leaf_index >= ?",
                Long.class, leaf);
        for (long position : positions) {
            tamper("DELETE FROM domain_event_entry WHERE global_index = ?", position);
            tamper("DELETE FROM audit_chain WHERE global_index = ?", position);
        }
        tamper("DELETE FROM audit_tree_leaf WHERE leaf_index >= ?", leaf);
        tamper("DELETE FROM audit_tree_node WHERE ((idx + 1) << level::int) > ?", leaf);
        if (alsoHeads) {
            tamper("DELETE FROM audit_tree_head WHERE tree_size > ?", leaf);
        }
    }

    private JsonNode savedHeadAfter(String caseId) {
        sealThrough(chain, jdbc, lastIndexOf(caseId));
        tree.signHead();
        return get("/api/audit/tree/heads/latest").json();
    }

    private long lastIndexOf(String caseId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);
    }

    private JsonNode verifyAgainst(JsonNode head) {
        return post("/api/audit/verify", head == null ? "" : head.toString()).json();
    }

    @Test
    void aForkAfterTheSavedHeadFailsAgainstItThoughTheRewrittenLogIsWhole() throws Exception {
        fileCase("2019-05-01");
        String victim = fileCase("2019-05-02");
        JsonNode saved = savedHeadAfter(victim);
        long size = saved.get("treeSize").asLong();
        Path key = write(get("/api/audit/tree/keys/current").text());
        Path savedFile = write(saved.toString());
        assertThat(verifyAgainst(saved).get("ok").asBoolean()).isTrue();

        // The last sealed event goes, everything derived from it too, and a genuine new event is sealed in its place.
        cutFrom(size - 1, true);
        String replacement = fileCase("2019-05-03");
        JsonNode forkHead = savedHeadAfter(replacement);
        assertThat(forkHead.get("treeSize").asLong()).isEqualTo(size);
        assertThat(forkHead.get("rootHash").asText()).isNotEqualTo(saved.get("rootHash").asText());

        JsonNode alone = verifyAgainst(null);
        assertThat(alone.get("ok").asBoolean()).as("without a saved head, a whole rewrite is self-consistent: "
                + alone).isTrue();
        JsonNode against = verifyAgainst(saved);
        assertThat(against.get("ok").asBoolean()).isFalse();
        assertThat(against.get("tree").get("problem").asText())
                .startsWith("the log's first " + size + " sealed events hash to ")
                .endsWith("(events were rewritten, or the log forked, since that head was signed)");

        // No consistency proof can tie the saved head to the fork.
        JsonNode proof = get("/api/audit/tree/consistency?from=" + (size - 1) + "&to=" + size).json();
        List<byte[]> hashes = new ArrayList<>();
        proof.get("proof").forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        assertThat(MerkleTree.verifyConsistency(size - 1, size, HEX.parseHex(proof.get("fromRoot").asText()),
                HEX.parseHex(saved.get("rootHash").asText()), hashes)).isFalse();

        // The auditor's export of the new case, proven from the saved head's size: the verifier refuses it.
        Path export = write(get("/api/audit/export?caseId=" + replacement + "&trustedSize=" + size).text());
        AuditChainIntegrationTest.Verdict verdict = runVerifier(export, "--public-key", key.toString(),
                "--trusted-head", savedFile.toString());
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).isEqualTo("BROKEN: the export's signed head does not extend the trusted head "
                + "of " + size + " events (the log was rewritten, truncated or forked since that head was saved)");
    }

    @Test
    void aTruncationBelowTheSavedHeadFailsAgainstItAndAgainstTheHeadsLeftBehind() throws Exception {
        String first = fileCase("2019-05-04");
        JsonNode early = savedHeadAfter(first);
        String second = fileCase("2019-05-05");
        JsonNode saved = savedHeadAfter(second);
        long size = saved.get("treeSize").asLong();
        Path key = write(get("/api/audit/tree/keys/current").text());

        cutFrom(size - 1, false);
        JsonNode leftBehind = verifyAgainst(null);
        assertThat(leftBehind.get("ok").asBoolean()).isFalse();
        assertThat(leftBehind.get("tree").get("problem").asText()).startsWith("Greffe signed a head of " + size
                + " events on ").endsWith("and the log now holds fewer sealed events (truncated)");

        tamper("DELETE FROM audit_tree_head WHERE tree_size > ?", size - 1);
        assertThat(verifyAgainst(null).get("ok").asBoolean()).isTrue();
        assertThat(verifyAgainst(early).get("ok").asBoolean()).isTrue();
        JsonNode against = verifyAgainst(saved);
        assertThat(against.get("ok").asBoolean()).isFalse();
        assertThat(against.get("tree").get("problem").asText()).isEqualTo("the trusted head covers " + size
                + " sealed events and the log now holds " + (size - 1) + " (truncated)");

        Path export = write(get("/api/audit/export").text());
        AuditChainIntegrationTest.Verdict verdict = runVerifier(export, "--public-key", key.toString(),
                "--trusted-head", write(saved.toString()).toString());
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("BROKEN: the trusted head covers " + size + " events and the "
                + "export's head only " + (size - 1));
    }

    @Test
    void anAlteredTreeNodeIsFound() {
        String caseId = fileCase("2019-05-06");
        fileCase("2019-05-07");
        savedHeadAfter(caseId);
        sealThrough(chain, jdbc, jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class));
        byte[] original = jdbc.queryForObject("SELECT hash FROM audit_tree_node WHERE level = 0 AND idx = 0",
                byte[].class);
        tamper("UPDATE audit_tree_node SET hash = ? WHERE level = 0 AND idx = 0", new byte[32]);
        try {
            JsonNode verification = verifyAgainst(null);
            assertThat(verification.get("ok").asBoolean()).isFalse();
            assertThat(verification.get("tree").get("problem").asText()).isEqualTo("leaf 0 of the Merkle tree does "
                    + "not hash the sealed event it names (the tree was altered)");
        } finally {
            tamper("UPDATE audit_tree_node SET hash = ? WHERE level = 0 AND idx = 0", original);
        }
        assertThat(verifyAgainst(null).get("ok").asBoolean()).isTrue();
    }

    @Test
    void aChainSealedBeforeTheTreeExistedGetsItsTree() {
        String caseId = fileCase("2019-05-09");
        JsonNode before = savedHeadAfter(caseId);
        // As after the upgrade that brought the tree: the chain is sealed, the tree tables empty.
        tamper("DELETE FROM audit_tree_head");
        tamper("DELETE FROM audit_tree_node");
        tamper("DELETE FROM audit_tree_leaf");
        assertThat(verifyAgainst(null).get("ok").asBoolean()).isFalse();

        long sealed = jdbc.queryForObject("SELECT count(*) FROM audit_chain", Long.class);
        assertThat(merkleTree.catchUp()).isEqualTo(sealed);
        JsonNode verification = verifyAgainst(before);
        assertThat(verification.get("ok").asBoolean()).as("the rebuilt tree has the saved head's root at its size: "
                + verification).isTrue();
        assertThat(verification.get("tree").get("treeSize").asLong()).isEqualTo(sealed);
    }

    @Test
    void theTreeTablesAreAppendOnly() {
        savedHeadAfter(fileCase("2019-05-08"));
        for (String sql : List.of("UPDATE audit_tree_node SET hash = hash", "DELETE FROM audit_tree_leaf",
                "TRUNCATE audit_tree_head", "TRUNCATE audit_tree_node", "DELETE FROM audit_tree_head")) {
            // Greffe's role lacks the privilege; the administrator, who has it, meets the trigger.
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.execute(sql)))
                    .as(sql).hasStackTraceContaining("permission denied");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> dbaJdbc().execute(sql)))
                    .as(sql).hasStackTraceContaining("is append-only");
        }
    }
}
