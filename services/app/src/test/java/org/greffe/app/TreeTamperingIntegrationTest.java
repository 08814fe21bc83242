package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.greffe.audit.infrastructure.JdbcMerkleTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.app.AuditChainIntegrationTest.runVerifier;
import static org.greffe.app.AuditChainIntegrationTest.sealThrough;
import static org.greffe.app.AuditChainIntegrationTest.write;

/**
 * An attacker with the database owner's rights rewrites the end of the sealed log so that the hash chain and the
 * Merkle tree are whole again: the signed head an auditor saved before catches it, through {@code POST
 * /api/audit/verify} and through the standalone verifier. A fork (the last sealed event removed and another sealed in
 * its place) and a truncation both fail against the saved head; heads left behind, and a tree node altered, fail
 * verify on their own. Rows written into the tree or heads tables by SQL are never signed nor served. These tests
 * damage the log: they have a database of their own.
 */
class TreeTamperingIntegrationTest extends TamperingIntegrationTest {

    private static final HexFormat HEX = HexFormat.of();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "tree-tamper", false);
        registry.add("greffe.audit.gap-settle", () -> "200ms");
        // Heads are signed when a test asks, never between two of its steps.
        registry.add("greffe.audit.tree-head-interval", () -> "PT1H");
    }

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

    /** Inserts by SQL, at the head of the log, a copy of a genuine filing under a new case id; its global index. */
    private long forgeAtTheHead(String genuineCase) {
        String caseId = UUID.randomUUID().toString();
        tamper(copyOfFiling(), caseId, UUID.randomUUID().toString(), caseId, genuineCase);
        return lastIndexOf(caseId);
    }

    /** Seals the forged event by SQL: its chain link, with the public hash, after the last sealed one. */
    private StoredEvent sealBySql(long forged) {
        StoredEvent event = StoredEvents.of(jdbc, jdbc.queryForObject(
                "SELECT event_identifier FROM domain_event_entry WHERE global_index = ?", String.class, forged));
        byte[] previous = jdbc.queryForObject("SELECT hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                byte[].class);
        tamper("INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash, "
                        + "previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged, event.eventIdentifier(),
                event.aggregateIdentifier(), event.sequenceNumber(), ChainHash.hash(event, previous), previous,
                ChainHash.hash(event, ChainHash.GENESIS), ChainHash.GENESIS, ChainHash.sha256(event.payload()),
                event.metaData() == null ? null : ChainHash.sha256(event.metaData()));
        return event;
    }

    /** Adds a leaf by SQL after the tree's last, with the complete subtrees it closes, all hashed right. */
    private void addLeafBySql(long globalIndex, byte[] chainHash) {
        long size = merkleTree.size();
        tamper("INSERT INTO audit_tree_leaf (leaf_index, global_index) VALUES (?, ?)", size, globalIndex);
        byte[] hash = MerkleTree.leafHash(chainHash);
        tamper("INSERT INTO audit_tree_node (level, idx, hash) VALUES (0, ?, ?)", size, hash);
        int level = 0;
        long at = size;
        while ((at & 1) == 1) {
            byte[] left = jdbc.queryForObject("SELECT hash FROM audit_tree_node WHERE level = ? AND idx = ?",
                    byte[].class, level, at - 1);
            hash = MerkleTree.nodeHash(left, hash);
            level++;
            at >>= 1;
            tamper("INSERT INTO audit_tree_node (level, idx, hash) VALUES (?, ?, ?)", level, at, hash);
        }
    }

    /** Removes what the attacker wrote from leaf {@code leaf} and global index {@code forged} on. */
    private void removeForgery(long leaf, long forged) {
        cutFrom(leaf, true);
        tamper("DELETE FROM audit_chain WHERE global_index >= ?", forged);
        tamper("DELETE FROM domain_event_entry WHERE global_index >= ?", forged);
        // The signer's refusal lasts until its next round, as the sealer's stop does.
        tree.signHead();
    }

    @Test
    void aChainLinkWrittenBySqlIsNeitherTakenIntoTheTreeNorSigned() {
        String genuine = fileCase("2019-05-10");
        JsonNode saved = savedHeadAfter(genuine);
        long size = saved.get("treeSize").asLong();
        long forged = forgeAtTheHead(genuine);
        sealBySql(forged);
        try {
            // As at an instance's first sealing round: the chain above the tree is caught up.
            assertThat(merkleTree.catchUp()).as("an unauthenticated link never becomes a leaf").isZero();
            assertThat(tree.signHead()).map(TreeHead::treeSize).contains(size);
            assertThat(get("/api/audit/tree/heads/latest").json().get("treeSize").asLong()).isEqualTo(size);
        } finally {
            removeForgery(size, forged);
        }
        JsonNode cleaned = verifyAgainst(saved);
        assertThat(cleaned.get("ok").asBoolean()).as(cleaned.toString()).isTrue();
    }

    @Test
    void aLeafWrittenBySqlIsNeverSigned() {
        String genuine = fileCase("2019-05-11");
        JsonNode saved = savedHeadAfter(genuine);
        long size = saved.get("treeSize").asLong();
        long forged = forgeAtTheHead(genuine);
        StoredEvent event = sealBySql(forged);
        byte[] chainHash = jdbc.queryForObject("SELECT hash FROM audit_chain WHERE global_index = ?", byte[].class,
                forged);
        addLeafBySql(forged, chainHash);
        try {
            assertThat(merkleTree.size()).isEqualTo(size + 1);
            assertThat(tree.signHead()).map(TreeHead::treeSize).contains(size);
            assertThat(get("/api/audit/tree/heads/" + (size + 1)).status()).isEqualTo(404);
            JsonNode verification = verifyAgainst(null);
            assertThat(verification.get("ok").asBoolean()).isFalse();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_tree_head WHERE tree_size > ?", Long.class,
                    size)).as("no head signs the forged leaf").isZero();
            JsonNode health = get("/actuator/health").json().get("components").get("auditChain");
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.get("details").get("treeSigning").asText()).startsWith("Greffe signs no head of "
                    + (size + 1) + " events: leaf " + size + " is not a sealed authenticated event: the link at "
                    + "global index " + forged + " is unauthenticated");

            // A leaf naming no chain link at all, its nodes hashed right: the same.
            addLeafBySql(forged + 1000, ChainHash.sha256(event.payload()));
            assertThat(tree.signHead()).map(TreeHead::treeSize).contains(size);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_tree_head WHERE tree_size > ?", Long.class,
                    size)).isZero();
        } finally {
            removeForgery(size, forged);
        }
        JsonNode cleaned = verifyAgainst(saved);
        assertThat(cleaned.get("ok").asBoolean()).as(cleaned.toString()).isTrue();
    }

    @Test
    void aHeadRowWrittenBySqlIsNeitherServedNorInTheWayOfSigning() {
        JsonNode saved = savedHeadAfter(fileCase("2019-05-12"));
        long size = saved.get("treeSize").asLong();
        String keyId = saved.get("keyId").asText();
        String insert = "INSERT INTO audit_tree_head (tree_size, root_hash, signed_at, key_id, signature) "
                + "VALUES (?, ?, now(), ?, ?)";
        tamper(insert, 1_000_000L, new byte[32], keyId, new byte[64]);
        try {
            assertThat(get("/api/audit/tree/heads/latest").json().get("treeSize").asLong()).isEqualTo(size);
            assertThat(get("/api/audit/tree/heads/1000000").status()).isEqualTo(404);
            JsonNode verification = verifyAgainst(null);
            assertThat(verification.get("ok").asBoolean()).isFalse();
            assertThat(verification.get("tree").get("problem").asText()).startsWith("the stored head of 1000000 "
                    + "events does not verify with the published key " + keyId);

            // A bogus row at the very size the tree reaches next: Greffe signs nothing for it, and says so.
            String second = fileCase("2019-05-13");
            sealThrough(chain, jdbc, lastIndexOf(second));
            long grown = merkleTree.size();
            tamper(insert, grown, new byte[32], keyId, new byte[64]);
            assertThat(tree.signHead()).map(TreeHead::treeSize).contains(size);

            String third = fileCase("2019-05-14");
            JsonNode next = savedHeadAfter(third);
            assertThat(next.get("treeSize").asLong()).isGreaterThan(grown);
            String key = tree.publicKeys().stream().filter(TreeHeadSigner.HeadKey::current).findFirst().orElseThrow()
                    .publicKey();
            assertThat(TreeHeadsIntegrationTest.headOf(next).signedBy(Base64.getDecoder().decode(key))).isTrue();
        } finally {
            tamper("DELETE FROM audit_tree_head WHERE signature = ?", new byte[64]);
        }
        JsonNode cleaned = verifyAgainst(saved);
        assertThat(cleaned.get("ok").asBoolean()).as(cleaned.toString()).isTrue();
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
