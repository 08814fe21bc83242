package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.MerkleTree;
import org.greffe.audit.application.MerkleTree.Node;
import org.greffe.audit.application.MerkleTree.Range;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Merkle tree over the sealed log, kept in {@code audit_tree_leaf} and {@code audit_tree_node}: leaf i is the i-th
 * sealed event in global order, its leaf input the event's global chain hash. Every complete subtree's hash is stored
 * as soon as its last leaf is added, so a proof reads O(log n) rows and never walks leaves.
 *
 * <p>{@link #append} runs inside the sealer's transaction, under its lock: the tree holds exactly the events the
 * sealer sealed, in every committed sealing, never more, never fewer. {@link #catchUp} gives a chain sealed before the
 * tree existed its tree, re-deriving every link from its authenticated event as the sealer would.
 */
public class JdbcMerkleTree {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMerkleTree.class);
    private static final String LAST_LEAF = """
            SELECT l.global_index, c.hash FROM audit_tree_leaf l
            LEFT JOIN audit_chain c ON c.global_index = l.global_index
            ORDER BY l.leaf_index DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final SealedLinks sealed;
    private final int batchSize;

    /**
     * @param authentication checks the authentication codes of the events a catch-up adds
     * @param batchSize      chain links read per round when growing
     */
    public JdbcMerkleTree(JdbcTemplate jdbc, AppendAuthentication authentication, int batchSize) {
        this.jdbc = jdbc;
        this.sealed = new SealedLinks(jdbc, authentication);
        this.batchSize = batchSize;
    }

    /** The number of leaves. */
    public long size() {
        return jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_tree_leaf", Long.class);
    }

    /**
     * Adds the links the sealer has just inserted, in global order, with the complete subtrees they close. Call it in
     * the sealer's transaction, after the links are inserted: the tree takes only what the sealer itself sealed (its
     * authentication checked), never a row someone else wrote into the chain table.
     *
     * @param links each link's global index and global chain hash
     */
    public void append(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        long size = size();
        Map<Integer, byte[]> frontier = frontier(size);
        List<Object[]> leaves = new ArrayList<>(links.size());
        List<Object[]> nodes = new ArrayList<>(links.size() * 2);
        for (Link link : links) {
            long index = size++;
            leaves.add(new Object[]{index, link.globalIndex()});
            byte[] hash = MerkleTree.leafHash(link.hash());
            nodes.add(new Object[]{0, index, hash});
            int level = 0;
            long at = index;
            while ((at & 1) == 1) {
                hash = MerkleTree.nodeHash(frontier.remove(level), hash);
                level++;
                at >>= 1;
                nodes.add(new Object[]{level, at, hash});
            }
            frontier.put(level, hash);
        }
        jdbc.batchUpdate("INSERT INTO audit_tree_leaf (leaf_index, global_index) VALUES (?, ?)", leaves);
        jdbc.batchUpdate("INSERT INTO audit_tree_node (level, idx, hash) VALUES (?, ?, ?)", nodes);
    }

    /**
     * Adds the chain's links above the tree's last leaf: once, when an instance first seals, so that a chain sealed
     * before the tree existed gets its tree. Call it in the sealer's transaction. Each link must be the chain hash of
     * an authenticated stored event, linked to the one before; it stops at the first that is not, and says so: a row
     * written into the chain table by SQL never becomes a leaf.
     *
     * @return how many leaves were added
     */
    public long catchUp() {
        long added = 0;
        SealedLinks.Link previous = jdbc.query(LAST_LEAF, rs -> rs.next()
                ? new SealedLinks.Link(rs.getLong(1), rs.getBytes(2)) : SealedLinks.Link.GENESIS);
        if (previous.hash() == null) {
            LOG.error("The Merkle tree's last leaf names global index {}, which is not in the sealed chain: the tree "
                    + "takes no more links; POST /api/audit/verify says what is wrong", previous.globalIndex());
            return 0;
        }
        while (true) {
            List<SealedLinks.Row> rows = sealed.read(SealedLinks.LINKS, previous.globalIndex(), Long.MAX_VALUE,
                    batchSize);
            SealedLinks.Checked checked = sealed.check(rows, previous);
            append(checked.links().stream().map(link -> new Link(link.globalIndex(), link.hash())).toList());
            added += checked.links().size();
            if (checked.problem() != null) {
                LOG.error("The Merkle tree takes no more links: {} (written behind Greffe's back); "
                        + "POST /api/audit/verify says what is wrong", checked.problem());
                return added;
            }
            if (rows.size() < batchSize) {
                return added;
            }
            previous = checked.links().get(checked.links().size() - 1);
        }
    }

    /**
     * A sealed link, as the tree takes it.
     *
     * @param globalIndex the event's global index
     * @param hash        its global chain hash, the leaf's input
     */
    public record Link(long globalIndex, byte[] hash) {
    }

    /** The complete subtrees still waiting for a right sibling in a tree of {@code size} leaves, by level. */
    Map<Integer, byte[]> frontier(long size) {
        Set<Node> pending = new LinkedHashSet<>();
        for (int level = 0; level < 63; level++) {
            if ((size >> level & 1) == 1) {
                pending.add(new Node(level, (size >> level) - 1));
            }
        }
        Map<Integer, byte[]> frontier = new HashMap<>();
        nodes(pending).forEach((node, hash) -> frontier.put(node.level(), hash));
        return frontier;
    }

    /** The root hash of the tree when it held {@code size} leaves. */
    public byte[] root(long size) {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        Range whole = new Range(0, size);
        Map<Node, byte[]> nodes = nodes(MerkleTree.parts(whole));
        return MerkleTree.rangeHash(whole, nodes::get);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves. */
    public List<byte[]> inclusion(long index, long size) {
        return hashes(MerkleTree.inclusionPath(index, size));
    }

    /** The audit paths of several leaves in the tree of {@code size} leaves, from one read of the nodes they need. */
    public List<List<byte[]>> inclusions(List<Long> indexes, long size) {
        List<List<Range>> paths = indexes.stream().map(index -> MerkleTree.inclusionPath(index, size)).toList();
        Set<Node> needed = new LinkedHashSet<>();
        paths.forEach(path -> path.forEach(range -> needed.addAll(MerkleTree.parts(range))));
        Map<Node, byte[]> nodes = nodes(needed);
        return paths.stream().map(path -> path.stream().map(range -> MerkleTree.rangeHash(range, nodes::get))
                                                .toList()).toList();
    }

    /** The consistency proof from the tree of {@code first} leaves to the tree of {@code second} leaves. */
    public List<byte[]> consistency(long first, long second) {
        return hashes(MerkleTree.consistencyPath(first, second));
    }

    /** The hashes of the ranges, from one read of the complete subtrees they are made of. */
    private List<byte[]> hashes(List<Range> ranges) {
        Set<Node> needed = new LinkedHashSet<>();
        ranges.forEach(range -> needed.addAll(MerkleTree.parts(range)));
        Map<Node, byte[]> nodes = nodes(needed);
        return ranges.stream().map(range -> MerkleTree.rangeHash(range, nodes::get)).toList();
    }

    /** The stored hashes of these complete subtrees, in one query. */
    Map<Node, byte[]> nodes(java.util.Collection<Node> wanted) {
        Map<Node, byte[]> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        int[] levels = wanted.stream().mapToInt(Node::level).toArray();
        long[] indexes = wanted.stream().mapToLong(Node::index).toArray();
        jdbc.query("SELECT n.level, n.idx, n.hash FROM audit_tree_node n "
                        + "JOIN unnest(?::int[], ?::bigint[]) AS w(level, idx) "
                        + "ON n.level = w.level AND n.idx = w.idx",
                rs -> {
                    found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }, levels, indexes);
        for (Node node : wanted) {
            if (!found.containsKey(node)) {
                throw new IllegalStateException("the Merkle tree lacks the complete subtree at level " + node.level()
                        + ", index " + node.index() + ": POST /api/audit/verify says what is wrong");
            }
        }
        return found;
    }
}
