package org.greffe.audit.infrastructure;

import org.greffe.audit.application.ChainHash;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The signed tree heads, in {@code audit_tree_head}: one per tree size, signed when the tree has grown since the last
 * head, every {@code greffe.audit.tree-head-interval}, and on demand (an export whose events the latest head does not
 * cover yet). Signers line up on an advisory lock, so that of several instances one signs a size and the others find
 * its head. The root of a size is read from complete subtrees, which never change once written, so it is the root of
 * exactly that many sealed events however the tree grows meanwhile.
 */
public class JdbcTreeHeads {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTreeHeads.class);
    /** The two-key advisory lock space of the sealer, another key. */
    private static final int LOCK_SPACE = 0x67726566;
    private static final int LOCK_HEADS = 0x6865_6164;
    private static final String COLUMNS = "SELECT tree_size, root_hash, signed_at, key_id, signature "
            + "FROM audit_tree_head ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JdbcMerkleTree tree;
    private final TreeHeadSigner signer;
    private final Clock clock;

    /**
     * @param transaction a read-committed transaction: after waiting for the lock, it sees the head another signer
     *                    committed
     */
    public JdbcTreeHeads(JdbcTemplate jdbc, TransactionTemplate transaction, JdbcMerkleTree tree,
                         TreeHeadSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tree = tree;
        this.signer = signer;
        this.clock = clock;
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

    /** Signs a head of the tree as it is now, unless the latest head already has its size; returns the latest head. */
    public Optional<TreeHead> signIfGrown() {
        return Optional.ofNullable(transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_SPACE, LOCK_HEADS);
            long size = tree.size();
            Optional<TreeHead> latest = latest();
            if (latest.isPresent() && latest.get().treeSize() >= size) {
                return latest.get();
            }
            if (size == 0) {
                return null;
            }
            String root = ChainHash.hex(tree.root(size));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String timestamp = now.toString();
            TreeHeadSigner.Signed signed = signer.sign(TreeHead.message(size, root, timestamp));
            int inserted = jdbc.update("INSERT INTO audit_tree_head (tree_size, root_hash, signed_at, key_id, "
                            + "signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING",
                    size, HexFormat.of().parseHex(root),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC), signed.keyId(), signed.signature());
            if (inserted == 0) {
                // Another instance signed this size first: its head stands.
                return bySize(size).orElseThrow();
            }
            LOG.debug("Signed the tree head of {} events", size);
            return new TreeHead(size, root, timestamp, signed.keyId(),
                    Base64.getEncoder().encodeToString(signed.signature()));
        }));
    }

    /** The head of the largest tree signed so far. */
    public Optional<TreeHead> latest() {
        return jdbc.query(COLUMNS + "ORDER BY tree_size DESC LIMIT 1", JdbcTreeHeads::head).stream().findFirst();
    }

    /** The head signed for that size, if one was. */
    public Optional<TreeHead> bySize(long size) {
        return jdbc.query(COLUMNS + "WHERE tree_size = ?", JdbcTreeHeads::head, size).stream().findFirst();
    }

    /** Every signed head, smallest tree first. */
    public List<TreeHead> all() {
        return jdbc.query(COLUMNS + "ORDER BY tree_size", JdbcTreeHeads::head);
    }

    private static TreeHead head(ResultSet rs, int row) throws SQLException {
        return new TreeHead(rs.getLong("tree_size"), ChainHash.hex(rs.getBytes("root_hash")),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS).toString(),
                rs.getString("key_id"), Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }
}
