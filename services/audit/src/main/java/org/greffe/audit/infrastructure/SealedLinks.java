package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-derives sealed links from the stored events, as the sealer made them: whatever the tables say, a link counts only
 * when its event is stored, its authentication code verifies, and its global chain hash recomputes from the event and
 * the link before it. The tree's catch-up and the head signer go through it, so that neither takes a row someone
 * wrote into {@code audit_chain} or {@code audit_tree_leaf} by SQL.
 */
final class SealedLinks {

    /** Leaves from a leaf index, with what they name. */
    static final String LEAVES = """
            SELECT l.leaf_index AS position, l.global_index AS claimed, c.hash AS stored_hash,
                   e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
            FROM audit_tree_leaf l
            LEFT JOIN audit_chain c ON c.global_index = l.global_index
            LEFT JOIN domain_event_entry e ON e.global_index = l.global_index
            WHERE l.leaf_index >= ? AND l.leaf_index < ?
            ORDER BY l.leaf_index LIMIT ?""";
    /** Chain links above a global index, with their events. */
    static final String LINKS = """
            SELECT c.global_index AS position, c.global_index AS claimed, c.hash AS stored_hash,
                   e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
            FROM audit_chain c
            LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            WHERE c.global_index > ? AND c.global_index < ?
            ORDER BY c.global_index LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final AppendAuthentication authentication;

    SealedLinks(JdbcTemplate jdbc, AppendAuthentication authentication) {
        this.jdbc = jdbc;
        this.authentication = authentication;
    }

    /** Reads up to {@code limit} rows of {@code query} from {@code from} (as the query bounds it) below {@code to}. */
    List<Row> read(String query, long from, long to, int limit) {
        return jdbc.query(query, SealedLinks::row, from, to, limit);
    }

    /**
     * Checks the rows in order, each linked to the one before, the first to {@code previous}.
     *
     * @return the verified chain hashes, one per row up to the first that fails, and why it failed
     */
    Checked check(List<Row> rows, Link previous) {
        List<StoredEvent> events = rows.stream().map(Row::event).filter(event -> event != null).toList();
        List<AppendAuthentication.Verdict> verdicts = events.isEmpty() ? List.of() : authentication.check(events);
        List<Link> links = new ArrayList<>(rows.size());
        int verdict = 0;
        for (Row row : rows) {
            String which = "the link at global index " + row.claimed();
            if (row.event() == null) {
                return new Checked(links, which + " names no stored event");
            }
            AppendAuthentication.Verdict checked = verdicts.get(verdict++);
            if (row.storedHash() == null) {
                return new Checked(links, which + " is not in the sealed chain");
            }
            if (row.claimed() <= previous.globalIndex()) {
                return new Checked(links, which + " does not follow the link before it, at global index "
                        + previous.globalIndex());
            }
            if (!checked.genuine()) {
                return new Checked(links, which + " is " + checked.reason(row.event()));
            }
            byte[] hash = ChainHash.hash(row.event(), previous.hash());
            if (!Arrays.equals(hash, row.storedHash())) {
                return new Checked(links, which + " does not recompute from its stored event and the link before it");
            }
            previous = new Link(row.claimed(), hash);
            links.add(previous);
        }
        return new Checked(links, null);
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        rs.getLong("global_index");
        StoredEvent event = rs.wasNull() ? null : JdbcChainSealer.event(rs);
        return new Row(rs.getLong("position"), rs.getLong("claimed"), rs.getBytes("stored_hash"), event);
    }

    /**
     * A row as stored.
     *
     * @param position   its leaf index, or its global index for a chain row
     * @param claimed    the global index it names
     * @param storedHash the global chain hash stored for it, or null when the chain has no such link
     * @param event      the stored event at that global index, or null when there is none
     */
    record Row(long position, long claimed, byte[] storedHash, StoredEvent event) {
    }

    /**
     * A verified link.
     *
     * @param globalIndex its event's global index (0 before the first)
     * @param hash        its global chain hash ({@link ChainHash#GENESIS} before the first)
     */
    record Link(long globalIndex, byte[] hash) {

        /** What the first link follows. */
        static final Link GENESIS = new Link(0, ChainHash.GENESIS);
    }

    /**
     * What a check found.
     *
     * @param links   the verified links, in order
     * @param problem why the next row failed, or null when every row passed
     */
    record Checked(List<Link> links, String problem) {
    }
}
