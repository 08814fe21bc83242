package org.greffe.audit.infrastructure;

import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.application.Verification;
import org.greffe.audit.application.Verification.BrokenLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every sealed link from the raw rows of {@code domain_event_entry} and compares it with
 * {@code audit_chain}, in global order, streamed with a fetch size inside one repeatable-read transaction (so the
 * log and the chain are read as of one instant, whatever the sealer does meanwhile). Stops at the first broken
 * link: after it, every later link is suspect anyway. Keeps in memory only the last hash of each case.
 */
public class JdbcChainVerifier {

    /** Every sealed position and every stored row up to the sealed head, side by side. */
    private static final String SIDE_BY_SIDE = """
            SELECT coalesce(c.global_index, e.global_index) AS position,
                   e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   c.global_index AS sealed_index, c.event_identifier AS sealed_event,
                   c.aggregate_identifier AS sealed_case, c.sequence_number AS sealed_sequence, c.hash,
                   c.previous_hash, c.case_hash, c.case_previous_hash, c.payload_hash, c.meta_data_hash
            FROM (SELECT * FROM audit_chain WHERE global_index <= ?) c
            FULL OUTER JOIN (SELECT * FROM domain_event_entry WHERE global_index <= ?) e
                ON e.global_index = c.global_index
            ORDER BY position""";

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;

    /**
     * @param streaming a template with a fetch size, so that rows are streamed rather than loaded at once
     * @param snapshot  a read-only repeatable-read transaction
     */
    public JdbcChainVerifier(JdbcTemplate streaming, TransactionTemplate snapshot) {
        this.streaming = streaming;
        this.snapshot = snapshot;
    }

    /** Verifies the sealed chain as it stands now. */
    public Verification verify() {
        return snapshot.execute(status -> {
            Long[] head = streaming.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC "
                    + "LIMIT 1", rs -> rs.next() ? new Long[]{rs.getLong(1)} : null);
            if (head == null) {
                return new Verification(true, 0, null, null);
            }
            String chainHead = ChainHash.hex(streaming.queryForObject(
                    "SELECT hash FROM audit_chain WHERE global_index = ?", byte[].class, head[0]));
            Walk walk = new Walk();
            try {
                streaming.query(SIDE_BY_SIDE, rs -> {
                    walk.broken = check(rs, walk);
                    if (walk.broken != null) {
                        throw new Stop();
                    }
                }, head[0], head[0]);
            } catch (Stop stop) {
                // the first broken link is found; the rest of the log is not read
            }
            return new Verification(walk.broken == null, walk.checked, chainHead, walk.broken);
        });
    }

    private BrokenLink check(ResultSet rs, Walk walk) throws SQLException {
        long position = rs.getLong("position");
        String sealedEvent = rs.getString("sealed_event");
        rs.getLong("global_index");
        boolean stored = !rs.wasNull();
        if (!stored) {
            return new BrokenLink(position, "event deleted: the chain sealed event " + sealedEvent + " (case "
                    + rs.getString("sealed_case") + ", sequence " + rs.getLong("sealed_sequence")
                    + ") at this position, and the log no longer holds it");
        }
        StoredEvent event = JdbcChainSealer.event(rs);
        if (sealedEvent == null) {
            List<Long> elsewhere = sealedAt(event.eventIdentifier());
            if (!elsewhere.isEmpty()) {
                return new BrokenLink(position, "events reordered: event " + event.eventIdentifier()
                        + ", sealed at position " + elsewhere.get(0) + ", now stands at this unsealed position");
            }
            return new BrokenLink(position, "event inserted: this position, below the sealed head, holds event "
                    + event.eventIdentifier() + " (case " + event.aggregateIdentifier() + ", sequence "
                    + event.sequenceNumber() + "), which was never sealed");
        }
        byte[] previous = rs.getBytes("previous_hash");
        if (!Arrays.equals(previous, walk.previous)) {
            return new BrokenLink(position, "chain altered: the link sealed here does not follow the link before it");
        }
        if (!event.eventIdentifier().equals(sealedEvent)) {
            List<Long> elsewhere = sealedAt(event.eventIdentifier());
            if (!elsewhere.isEmpty()) {
                return new BrokenLink(position, "events swapped: this position holds event "
                        + event.eventIdentifier() + ", sealed at position " + elsewhere.get(0)
                        + "; the chain sealed event " + sealedEvent + " here");
            }
            return new BrokenLink(position, "event replaced by a forged one: this position holds event "
                    + event.eventIdentifier() + ", which was never sealed; the chain sealed event " + sealedEvent
                    + " here");
        }
        if (!event.aggregateIdentifier().equals(rs.getString("sealed_case"))
                || event.sequenceNumber() != rs.getLong("sealed_sequence")) {
            return new BrokenLink(position, "identity altered: event " + event.eventIdentifier()
                    + " now claims case " + event.aggregateIdentifier() + ", sequence " + event.sequenceNumber()
                    + "; it was sealed under case " + rs.getString("sealed_case") + ", sequence "
                    + rs.getLong("sealed_sequence"));
        }
        if (!Arrays.equals(ChainHash.hash(event, previous), rs.getBytes("hash"))) {
            return mismatch(position, event, rs.getBytes("payload_hash"), rs.getBytes("meta_data_hash"));
        }
        byte[] casePrevious = rs.getBytes("case_previous_hash");
        byte[] expectedCasePrevious = walk.caseHeads.getOrDefault(event.aggregateIdentifier(), ChainHash.GENESIS);
        if (!Arrays.equals(casePrevious, expectedCasePrevious)
                || !Arrays.equals(ChainHash.hash(event, casePrevious), rs.getBytes("case_hash"))) {
            return new BrokenLink(position, "case chain altered: the link of case " + event.aggregateIdentifier()
                    + " sealed here does not follow the case's previous link");
        }
        walk.previous = rs.getBytes("hash");
        walk.caseHeads.put(event.aggregateIdentifier(), rs.getBytes("case_hash"));
        walk.checked++;
        return null;
    }

    /** The hash differs though the identity matches: name the field, and the other event of a swap. */
    private BrokenLink mismatch(long position, StoredEvent event, byte[] sealedPayload, byte[] sealedMetaData) {
        byte[] payload = ChainHash.sha256(event.payload());
        if (!Arrays.equals(payload, sealedPayload)) {
            List<Long> owners = streaming.queryForList("SELECT global_index FROM audit_chain WHERE payload_hash = ? "
                    + "AND global_index <> ? ORDER BY global_index LIMIT 1", Long.class, payload, position);
            if (!owners.isEmpty()) {
                return new BrokenLink(position, "events swapped: the payload stored here is the one sealed for the "
                        + "event at position " + owners.get(0) + " (hash mismatch)");
            }
            return new BrokenLink(position, "payload edited in place: the stored payload of event "
                    + event.eventIdentifier() + " is not the one sealed (hash mismatch)");
        }
        byte[] metaData = event.metaData() == null ? null : ChainHash.sha256(event.metaData());
        if (!Arrays.equals(metaData, sealedMetaData)) {
            return new BrokenLink(position, "metadata edited in place: the stored metadata of event "
                    + event.eventIdentifier() + " is not the one sealed (hash mismatch)");
        }
        return new BrokenLink(position, "event edited in place: the type, payload type, revision or timestamp of "
                + "event " + event.eventIdentifier() + " is not the one sealed (hash mismatch)");
    }

    private List<Long> sealedAt(String eventIdentifier) {
        return streaming.queryForList("SELECT global_index FROM audit_chain WHERE event_identifier = ?", Long.class,
                eventIdentifier);
    }

    /** Ends the streaming at the first broken link. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The state carried along the chain. */
    private static final class Walk {
        private byte[] previous = ChainHash.GENESIS;
        private final Map<String, byte[]> caseHeads = new HashMap<>();
        private long checked;
        private BrokenLink broken;
    }
}
