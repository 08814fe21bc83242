package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.greffe.audit.application.TreeVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/** The Merkle tree and its signed heads, kept in PostgreSQL beside the chain they are built over. */
public class PostgresAuditTree implements AuditTree {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AuditChain chain;
    private final JdbcMerkleTree tree;
    private final JdbcTreeHeads heads;
    private final JdbcTreeVerifier verifier;
    private final TreeHeadSigner signer;

    /**
     * @param snapshot a read-only repeatable-read transaction: a proof and the root it proves against are read from
     *                 one picture of the tree
     */
    public PostgresAuditTree(JdbcTemplate jdbc, TransactionTemplate snapshot, AuditChain chain, JdbcMerkleTree tree,
                             JdbcTreeHeads heads, JdbcTreeVerifier verifier, TreeHeadSigner signer) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.chain = chain;
        this.tree = tree;
        this.heads = heads;
        this.verifier = verifier;
        this.signer = signer;
    }

    @Override
    public long size() {
        return tree.size();
    }

    @Override
    public Optional<TreeHead> latestHead() {
        return heads.latest();
    }

    @Override
    public Optional<TreeHead> head(long treeSize) {
        return heads.bySize(treeSize);
    }

    @Override
    public Optional<TreeHead> signHead() {
        chain.sealPending();
        return heads.signIfGrown();
    }

    @Override
    public Optional<String> signingRefusal() {
        return Optional.ofNullable(heads.refusal());
    }

    @Override
    public List<TreeHeadSigner.HeadKey> publicKeys() {
        return signer.publicKeys();
    }

    @Override
    public CaseInclusion inclusion(String caseId, long treeSize) {
        return snapshot.execute(status -> {
            checkSize("treeSize", treeSize, tree.size());
            List<EventInclusion> leaves = jdbc.query("""
                    SELECT c.global_index, l.leaf_index, c.hash FROM audit_chain c
                    JOIN audit_tree_leaf l ON l.global_index = c.global_index
                    WHERE c.aggregate_identifier = ? AND l.leaf_index < ?
                    ORDER BY c.global_index""", (rs, row) -> new EventInclusion(rs.getLong(1), rs.getLong(2),
                    ChainHash.hex(rs.getBytes(3)), List.of()), caseId, treeSize);
            List<List<byte[]>> paths = tree.inclusions(leaves.stream().map(EventInclusion::leafIndex).toList(),
                    treeSize);
            List<EventInclusion> events = new java.util.ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) {
                EventInclusion leaf = leaves.get(i);
                events.add(new EventInclusion(leaf.globalPosition(), leaf.leafIndex(), leaf.chainHash(),
                        hex(paths.get(i))));
            }
            return new CaseInclusion(caseId, treeSize, ChainHash.hex(tree.root(treeSize)), events);
        });
    }

    @Override
    public ConsistencyProof consistency(long fromSize, long toSize) {
        return snapshot.execute(status -> {
            long size = tree.size();
            checkSize("to", toSize, size);
            if (fromSize < 1 || fromSize > toSize) {
                throw new IllegalArgumentException("from must be between 1 and to (" + toSize + ")");
            }
            return new ConsistencyProof(fromSize, toSize, ChainHash.hex(tree.root(fromSize)),
                    ChainHash.hex(tree.root(toSize)), hex(tree.consistency(fromSize, toSize)));
        });
    }

    @Override
    public TreeVerification verify(TreeHead trusted) {
        return verifier.verify(trusted);
    }

    private static void checkSize(String name, long value, long size) {
        if (size == 0) {
            throw new IllegalArgumentException("the tree is empty: nothing is sealed yet");
        }
        if (value < 1 || value > size) {
            throw new IllegalArgumentException(name + " must be between 1 and " + size + ", the tree's size now");
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(ChainHash::hex).toList();
    }
}
