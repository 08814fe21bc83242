package org.greffe.audit.infrastructure;

import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.greffe.audit.application.TreeVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the Merkle tree from the sealed chain, in one repeatable-read snapshot, and checks against it the stored
 * tree, every head Greffe signed, and a head an auditor saved earlier. The chain itself is checked against the stored
 * events by {@link JdbcChainVerifier}; together they tie every signed head to the events.
 *
 * <p>A saved head fails when the log no longer holds as many sealed events as it (truncation), or when the root of
 * the log's first {@code treeSize} events is no longer its root (an event rewritten, or the log forked and re-sealed
 * since). A head whose signature does not verify with a key Greffe publishes is not Greffe's.
 */
public class JdbcTreeVerifier {

    private static final String LEAVES = """
            SELECT l.leaf_index FROM audit_tree_leaf l
            LEFT JOIN audit_chain c ON c.global_index = l.global_index
            LEFT JOIN audit_tree_node n ON n.level = 0 AND n.idx = l.leaf_index
            WHERE c.hash IS NULL OR n.hash IS NULL OR n.hash <> sha256('\\x00'::bytea || c.hash)
            ORDER BY l.leaf_index LIMIT 1""";
    private static final String PARENTS = """
            SELECT p.level, p.idx FROM audit_tree_node p
            LEFT JOIN audit_tree_node l ON l.level = p.level - 1 AND l.idx = 2 * p.idx
            LEFT JOIN audit_tree_node r ON r.level = p.level - 1 AND r.idx = 2 * p.idx + 1
            WHERE p.level > 0
              AND (l.hash IS NULL OR r.hash IS NULL OR p.hash <> sha256('\\x01'::bytea || l.hash || r.hash))
            ORDER BY p.level, p.idx LIMIT 1""";
    private static final String CHAIN = """
            SELECT c.global_index, c.hash, l.leaf_index FROM audit_chain c
            LEFT JOIN audit_tree_leaf l ON l.global_index = c.global_index
            ORDER BY c.global_index""";

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final JdbcTreeHeads heads;
    private final TreeHeadSigner signer;

    /**
     * @param streaming a template with a fetch size
     * @param snapshot  a read-only repeatable-read transaction
     */
    public JdbcTreeVerifier(JdbcTemplate streaming, TransactionTemplate snapshot, JdbcTreeHeads heads,
                            TreeHeadSigner signer) {
        this.streaming = streaming;
        this.snapshot = snapshot;
        this.heads = heads;
        this.signer = signer;
    }

    /**
     * Verifies the tree and the signed heads, and the trusted head when not null.
     */
    public TreeVerification verify(TreeHead trusted) {
        return snapshot.execute(status -> walk(trusted));
    }

    private TreeVerification walk(TreeHead trusted) {
        List<TreeHead> signed = heads.all();
        Map<Long, List<TreeHead>> wanted = new TreeMap<>();
        signed.forEach(head -> wanted.computeIfAbsent(head.treeSize(), size -> new ArrayList<>()).add(head));
        if (trusted != null) {
            wanted.computeIfAbsent(trusted.treeSize(), size -> new ArrayList<>());
        }
        Map<Long, byte[]> roots = new HashMap<>();
        Map<Integer, byte[]> frontier = new HashMap<>();
        long[] size = {0};
        String[] problem = {null};
        if (wanted.containsKey(0L)) {
            roots.put(0L, MerkleTree.emptyRoot());
        }
        streaming.query(CHAIN, rs -> {
            if (problem[0] != null) {
                return;
            }
            long leaf = rs.getLong("leaf_index");
            boolean noLeaf = rs.wasNull();
            if (noLeaf || leaf != size[0]) {
                problem[0] = "the sealed event at global index " + rs.getLong("global_index") + " should be leaf "
                        + size[0] + " of the Merkle tree, and is " + (noLeaf ? "no leaf" : "leaf " + leaf);
                return;
            }
            byte[] hash = MerkleTree.leafHash(rs.getBytes("hash"));
            int level = 0;
            long at = size[0];
            while ((at & 1) == 1) {
                hash = MerkleTree.nodeHash(frontier.remove(level), hash);
                level++;
                at >>= 1;
            }
            frontier.put(level, hash);
            size[0]++;
            if (wanted.containsKey(size[0])) {
                roots.put(size[0], root(frontier));
            }
        });
        byte[] root = size[0] == 0 ? MerkleTree.emptyRoot() : root(frontier);
        String rootHex = ChainHash.hex(root);
        if (problem[0] == null) {
            problem[0] = storedTree(size[0], root);
        }
        if (problem[0] == null) {
            problem[0] = signedHeads(signed, roots);
        }
        if (problem[0] == null && trusted != null) {
            problem[0] = trusted(trusted, size[0], roots);
        }
        if (problem[0] == null && heads.refusal() != null) {
            problem[0] = heads.refusal();
        }
        return new TreeVerification(problem[0] == null, size[0], rootHex, signed.size(), trusted, problem[0]);
    }

    private String storedTree(long size, byte[] root) {
        Long leaf = streaming.query(LEAVES, rs -> rs.next() ? rs.getLong(1) : null);
        if (leaf != null) {
            return "leaf " + leaf + " of the Merkle tree does not hash the sealed event it names (the tree was "
                    + "altered)";
        }
        long[] node = streaming.query(PARENTS, rs -> rs.next() ? new long[]{rs.getLong(1), rs.getLong(2)} : null);
        if (node != null) {
            return "the Merkle tree's node at level " + node[0] + ", index " + node[1] + " is not the hash of its "
                    + "two children (the tree was altered)";
        }
        Long stored = streaming.queryForObject("SELECT count(*) FROM audit_tree_leaf", Long.class);
        if (stored != size) {
            return "the Merkle tree holds " + stored + " leaves for " + size + " sealed events";
        }
        return null;
    }

    private String signedHeads(List<TreeHead> signed, Map<Long, byte[]> roots) {
        Map<String, byte[]> keys = new HashMap<>();
        signer.publicKeys().forEach(key -> keys.put(key.keyId(), Base64.getDecoder().decode(key.publicKey())));
        for (TreeHead head : signed) {
            byte[] key = keys.get(head.keyId());
            if (key == null || !head.signedBy(key)) {
                return "the stored head of " + head.treeSize() + " events does not verify with the published key "
                        + head.keyId() + " (forged, or signed with a key no longer held): Greffe neither serves it "
                        + "nor builds on it";
            }
            byte[] root = roots.get(head.treeSize());
            if (root == null) {
                return "Greffe signed a head of " + head.treeSize() + " events on " + head.timestamp()
                        + ", and the log now holds fewer sealed events (truncated)";
            }
            if (!Arrays.equals(root, HexFormat.of().parseHex(head.rootHash()))) {
                return "the head Greffe signed on " + head.timestamp() + " for " + head.treeSize() + " events has "
                        + "root " + head.rootHash() + ", and those events now hash to " + ChainHash.hex(root)
                        + " (the log was rewritten or forked since)";
            }
        }
        return null;
    }

    private String trusted(TreeHead head, long size, Map<Long, byte[]> roots) {
        String key = signer.publicKeys().stream().filter(published -> published.keyId().equals(head.keyId()))
                           .map(TreeHeadSigner.HeadKey::publicKey).findFirst().orElse(null);
        if (key == null || !head.signedBy(Base64.getDecoder().decode(key))) {
            return "the trusted head is not signed by any key Greffe publishes (key " + head.keyId() + ")";
        }
        if (head.treeSize() > size) {
            return "the trusted head covers " + head.treeSize() + " sealed events and the log now holds " + size
                    + " (truncated)";
        }
        byte[] root = roots.get(head.treeSize());
        if (!Arrays.equals(root, HexFormat.of().parseHex(head.rootHash()))) {
            return "the log's first " + head.treeSize() + " sealed events hash to " + ChainHash.hex(root)
                    + ", not to the trusted head's root " + head.rootHash()
                    + " (events were rewritten, or the log forked, since that head was signed)";
        }
        return null;
    }

    /** The root of the tree whose pending complete subtrees are {@code frontier}: folded from the smallest. */
    static byte[] root(Map<Integer, byte[]> frontier) {
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            byte[] part = frontier.get(level);
            if (part != null) {
                root = root == null ? part : MerkleTree.nodeHash(part, root);
            }
        }
        return root;
    }
}
