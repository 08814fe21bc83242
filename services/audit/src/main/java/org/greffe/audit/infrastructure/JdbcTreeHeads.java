package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed tree heads, in {@code audit_tree_head}: one per tree size, signed when the tree has grown since the last
 * head, every {@code greffe.audit.tree-head-interval}, and on demand (an export whose events the latest head does not
 * cover yet). Signers line up on an advisory lock, so that of several instances one signs a size and the others find
 * its head.
 *
 * <p>Greffe signs only what it has checked itself, never the tables' word. A head counts only when its signature
 * verifies with a key Greffe holds and its root is the stored tree's root at its size: a row written into the table by
 * SQL is neither served nor built upon. Before signing a larger tree, the signer re-derives every leaf added since
 * the last such head: each must be the global chain hash of a stored event whose authentication code verifies,
 * recomputed from that event and the leaf before it (the first one proven in the last head by an inclusion proof).
 * It folds them onto the complete subtrees of the last head, checked against that head's root, and signs the root it
 * computed, after checking that the stored nodes (which the proofs are read from) give the same. When anything fails
 * it signs nothing and says why ({@link #refusal()}, reported by verify), as the sealer does.
 */
public class JdbcTreeHeads {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTreeHeads.class);
    /** The two-key advisory lock space of the sealer, another key. */
    private static final int LOCK_SPACE = 0x67726566;
    private static final int LOCK_HEADS = 0x6865_6164;
    private static final int PAGE = 16;
    private static final String COLUMNS = "SELECT tree_size, root_hash, signed_at, key_id, signature "
            + "FROM audit_tree_head ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JdbcMerkleTree tree;
    private final SealedLinks sealed;
    private final TreeHeadSigner signer;
    private final Clock clock;
    private final int batchSize;
    /** Why the last round signed nothing though the tree had grown; null when it signed or had nothing to sign. */
    private volatile String refusal;

    /**
     * @param transaction    a read-committed transaction: after waiting for the lock, it sees the head another signer
     *                       committed
     * @param authentication checks the authentication codes of the events behind new leaves
     * @param batchSize      leaves read per round when checking
     */
    public JdbcTreeHeads(JdbcTemplate jdbc, TransactionTemplate transaction, JdbcMerkleTree tree,
                         AppendAuthentication authentication, TreeHeadSigner signer, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tree = tree;
        this.sealed = new SealedLinks(jdbc, authentication);
        this.signer = signer;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** The schedule: signs a head when the tree grew since the latest one. */
    @Scheduled(fixedDelayString = "${greffe.audit.tree-head-interval:PT1M}",
               initialDelayString = "${greffe.audit.tree-head-interval:PT1M}")
    public void signOnSchedule() {
        try {
            signIfGrown();
        } catch (RuntimeException e) {
            LOG.warn("Signing a tree head failed, will retry: {}", e.toString());
        }
    }

    /**
     * Signs a head of the tree as it is now, when it grew since the latest verified head and every new leaf checks
     * out; returns the latest verified head.
     */
    public Optional<TreeHead> signIfGrown() {
        return Optional.ofNullable(transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_SPACE, LOCK_HEADS);
            long size = tree.size();
            Map<String, byte[]> keys = keys();
            TreeHead base = latestVerified(size, keys).orElse(null);
            if (size == 0 || base != null && base.treeSize() >= size) {
                refusal = null;
                return base;
            }
            Derived derived = derive(base, size);
            if (derived.problem() != null) {
                return refuse("Greffe signs no head of " + size + " events: " + derived.problem(), base);
            }
            String root = ChainHash.hex(derived.root());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String timestamp = now.toString();
            TreeHeadSigner.Signed signed = signer.sign(TreeHead.message(size, root, timestamp));
            int inserted = jdbc.update("INSERT INTO audit_tree_head (tree_size, root_hash, signed_at, key_id, "
                            + "signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING",
                    size, HexFormat.of().parseHex(root),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), signed.keyId(), signed.signature());
            if (inserted == 0) {
                // Another instance signed this size first, and its head stands; or a row Greffe never signed holds it.
                TreeHead there = stored(size).orElseThrow();
                if (verified(there, size, keys)) {
                    refusal = null;
                    return there;
                }
                return refuse("a head of " + size + " events that Greffe did not sign (key " + there.keyId()
                        + ") holds that size in audit_tree_head; Greffe signs the next size", base);
            }
            refusal = null;
            LOG.debug("Signed the tree head of {} events", size);
            return new TreeHead(size, root, timestamp, signed.keyId(),
                    Base64.getEncoder().encodeToString(signed.signature()));
        }));
    }

    /** Why the latest signing round refused to sign, or {@code null}. */
    public String refusal() {
        return refusal;
    }

    private TreeHead refuse(String problem, TreeHead base) {
        if (!problem.equals(refusal)) {
            LOG.error("{}", problem);
        }
        refusal = problem;
        return base;
    }

    /** The head of the largest tree signed so far whose signature and root verify. */
    public Optional<TreeHead> latest() {
        return latestVerified(tree.size(), keys());
    }

    /** The head signed for that size, if one was and it verifies. */
    public Optional<TreeHead> bySize(long size) {
        return stored(size).filter(head -> verified(head, tree.size(), keys()));
    }

    /** Every row of the heads table, verified or not, smallest tree first: what verify checks. */
    public List<TreeHead> all() {
        return jdbc.query(COLUMNS + "ORDER BY tree_size", JdbcTreeHeads::head);
    }

    private Optional<TreeHead> stored(long size) {
        return jdbc.query(COLUMNS + "WHERE tree_size = ?", JdbcTreeHeads::head, size).stream().findFirst();
    }

    /** The largest head that verifies, read a page at a time from the largest: rows that do not are passed over. */
    private Optional<TreeHead> latestVerified(long size, Map<String, byte[]> keys) {
        long below = Long.MAX_VALUE;
        while (true) {
            List<TreeHead> page = jdbc.query(COLUMNS + "WHERE tree_size < ? ORDER BY tree_size DESC LIMIT ?",
                    JdbcTreeHeads::head, below, PAGE);
            for (TreeHead head : page) {
                if (verified(head, size, keys)) {
                    return Optional.of(head);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            below = page.get(page.size() - 1).treeSize();
        }
    }

    /** Whether Greffe signed the head (a key it holds) and the stored tree has its root at its size. */
    private boolean verified(TreeHead head, long size, Map<String, byte[]> keys) {
        byte[] key = keys.get(head.keyId());
        if (key == null || !head.signedBy(key) || head.treeSize() < 1 || head.treeSize() > size) {
            return false;
        }
        try {
            return Arrays.equals(tree.root(head.treeSize()), HexFormat.of().parseHex(head.rootHash()));
        } catch (IllegalStateException missingNode) {
            return false;
        }
    }

    private Map<String, byte[]> keys() {
        Map<String, byte[]> keys = new HashMap<>();
        signer.publicKeys().forEach(key -> keys.put(key.keyId(), Base64.getDecoder().decode(key.publicKey())));
        return keys;
    }

    /** The root of the tree of {@code size} leaves, from the base head and the leaves after it, each checked. */
    private Derived derive(TreeHead base, long size) {
        Map<Integer, byte[]> frontier = new HashMap<>();
        SealedLinks.Link previous = SealedLinks.Link.GENESIS;
        long next = 0;
        try {
            if (base != null) {
                next = base.treeSize();
                byte[] baseRoot = HexFormat.of().parseHex(base.rootHash());
                frontier = tree.frontier(next);
                if (!Arrays.equals(JdbcTreeVerifier.root(frontier), baseRoot)) {
                    return Derived.failed("the stored tree's complete subtrees do not hash to the root of the head "
                            + "of " + next + " events");
                }
                List<SealedLinks.Row> last = sealed.read(SealedLinks.LEAVES, next - 1, next, 1);
                if (last.isEmpty() || last.get(0).storedHash() == null || !MerkleTree.verifyInclusion(next - 1, next,
                        MerkleTree.leafHash(last.get(0).storedHash()), tree.inclusion(next - 1, next), baseRoot)) {
                    return Derived.failed("leaf " + (next - 1) + " is not the one the head of " + next
                            + " events signed");
                }
                previous = new SealedLinks.Link(last.get(0).claimed(), last.get(0).storedHash());
            }
        } catch (IllegalStateException missingNode) {
            return Derived.failed(missingNode.getMessage());
        }
        while (next < size) {
            List<SealedLinks.Row> rows = sealed.read(SealedLinks.LEAVES, next, size, batchSize);
            int contiguous = 0;
            while (contiguous < rows.size() && rows.get(contiguous).position() == next + contiguous) {
                contiguous++;
            }
            SealedLinks.Checked checked = sealed.check(rows.subList(0, contiguous), previous);
            for (SealedLinks.Link link : checked.links()) {
                byte[] hash = MerkleTree.leafHash(link.hash());
                int level = 0;
                long at = next++;
                while ((at & 1) == 1) {
                    hash = MerkleTree.nodeHash(frontier.remove(level), hash);
                    level++;
                    at >>= 1;
                }
                frontier.put(level, hash);
                previous = link;
            }
            if (checked.problem() != null) {
                return Derived.failed("leaf " + next + " is not a sealed authenticated event: " + checked.problem());
            }
            if (contiguous < rows.size() || rows.isEmpty()) {
                return Derived.failed("leaf " + next + " is missing from the Merkle tree");
            }
        }
        byte[] root = JdbcTreeVerifier.root(frontier);
        try {
            if (!Arrays.equals(root, tree.root(size))) {
                return Derived.failed("the stored tree's nodes do not hash to the root of its checked leaves");
            }
        } catch (IllegalStateException missingNode) {
            return Derived.failed(missingNode.getMessage());
        }
        return new Derived(root, null);
    }

    /**
     * A root computed by the signer, or why it could not be.
     *
     * @param root    the root
     * @param problem what failed, or null
     */
    private record Derived(byte[] root, String problem) {

        static Derived failed(String problem) {
            return new Derived(null, problem + " (written behind Greffe's back); it signs again once the next "
                    + "round finds the tree whole");
        }
    }

    private static TreeHead head(ResultSet rs, int row) throws SQLException {
        return new TreeHead(rs.getLong("tree_size"), ChainHash.hex(rs.getBytes("root_hash")),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS).toString(),
                rs.getString("key_id"), Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }
}
