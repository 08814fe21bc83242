package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.application.Verification;
import org.greffe.audit.application.Verification.BrokenLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every sealed link from the raw rows of {@code domain_event_entry} and compares it with
 * {@code audit_chain}, in global order, streamed with a fetch size inside one repeatable-read transaction (so the
 * log and the chain are read as of one instant, whatever the sealer does meanwhile). Every sealed event's
 * authentication code is checked too, a batch of rows at a time: Greffe's own database role may insert into the
 * chain table, so a forged event with a well-computed link of its own would pass a check of the hashes alone. Stops
 * at the first broken link: after it, every later link is suspect anyway. Keeps in memory only the last hash of each
 * case.
 */
public class JdbcChainVerifier {

    /** Rows whose authentication codes are checked in one round trip. */
    private static final int BATCH = 500;

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
    private final AppendAuthentication authentication;

    /**
     * @param streaming      a template with a fetch size, so that rows are streamed rather than loaded at once
     * @param snapshot       a read-only repeatable-read transaction
     * @param authentication checks the sealed events' authentication codes
     */
    public JdbcChainVerifier(JdbcTemplate streaming, TransactionTemplate snapshot,
                             AppendAuthentication authentication) {
        this.streaming = streaming;
        this.snapshot = snapshot;
        this.authentication = authentication;
    }

    /** Verifies the sealed chain as it stands now. */
    public Verification verify() {
        return snapshot.execute(status -> {
            Long[] head = streaming.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC "
                    + "LIMIT 1", rs -> rs.next() ? new Long[]{rs.getLong(1)} : null);
            if (head == null) {
                return Verification.ofEventLog(0, null, null);
            }
            String chainHead = ChainHash.hex(streaming.queryForObject(
                    "SELECT hash FROM audit_chain WHERE global_index = ?", byte[].class, head[0]));
            Walk walk = new Walk();
            List<Row> rows = new ArrayList<>(BATCH);
            try {
                streaming.query(SIDE_BY_SIDE, rs -> {
                    rows.add(Row.of(rs));
                    if (rows.size() == BATCH) {
                        check(rows, walk);
                        rows.clear();
                    }
                }, head[0], head[0]);
                check(rows, walk);
            } catch (Stop stop) {
                // the first broken link is found; the rest of the log is not read
            }
            return Verification.ofEventLog(walk.checked, chainHead, walk.broken);
        });
    }

    /** Checks a batch of rows in order; throws {@link Stop} at the first broken one. */
    private void check(List<Row> rows, Walk walk) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        rows.forEach(row -> {
            if (row.event() != null) {
                events.add(row.event());
            }
        });
        List<AppendAuthentication.Verdict> verdicts = events.isEmpty() ? List.of() : authentication.check(events);
        int next = 0;
        for (Row row : rows) {
            walk.broken = link(row, walk);
            if (walk.broken == null && row.event() != null) {
                AppendAuthentication.Verdict verdict = verdicts.get(next);
                if (!verdict.genuine()) {
                    walk.broken = new BrokenLink(row.position(), verdict.reason(row.event())
                            + "; it is sealed at this position all the same");
                }
            }
            if (walk.broken != null) {
                throw new Stop();
            }
            if (row.event() != null) {
                next++;
            }
            walk.previous = row.hash();
            walk.caseHeads.put(row.event().aggregateIdentifier(), row.caseHash());
            walk.checked++;
        }
    }

    /** The first thing wrong with this row's link, or {@code null} when it follows from the stored event. */
    private BrokenLink link(Row row, Walk walk) {
        long position = row.position();
        String sealedEvent = row.sealedEvent();
        StoredEvent event = row.event();
        if (event == null) {
            return new BrokenLink(position, "event deleted: the chain sealed event " + sealedEvent + " (case "
                    + row.sealedCase() + ", sequence " + row.sealedSequence()
                    + ") at this position, and the log no longer holds it");
        }
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
        byte[] previous = row.previousHash();
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
        if (!event.aggregateIdentifier().equals(row.sealedCase()) || event.sequenceNumber() != row.sealedSequence()) {
            return new BrokenLink(position, "identity altered: event " + event.eventIdentifier()
                    + " now claims case " + event.aggregateIdentifier() + ", sequence " + event.sequenceNumber()
                    + "; it was sealed under case " + row.sealedCase() + ", sequence " + row.sealedSequence());
        }
        if (!Arrays.equals(ChainHash.hash(event, previous), row.hash())) {
            return mismatch(position, event, row.payloadHash(), row.metaDataHash());
        }
        byte[] casePrevious = row.casePreviousHash();
        byte[] expectedCasePrevious = walk.caseHeads.getOrDefault(event.aggregateIdentifier(), ChainHash.GENESIS);
        if (!Arrays.equals(casePrevious, expectedCasePrevious)
                || !Arrays.equals(ChainHash.hash(event, casePrevious), row.caseHash())) {
            return new BrokenLink(position, "case chain altered: the link of case " + event.aggregateIdentifier()
                    + " sealed here does not follow the case's previous link");
        }
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

    /**
     * One position of the side-by-side read: the stored event (null when deleted) and the link sealed there (null
     * fields when never sealed).
     */
    private record Row(long position, StoredEvent event, String sealedEvent, String sealedCase, long sealedSequence,
                       byte[] hash, byte[] previousHash, byte[] caseHash, byte[] casePreviousHash, byte[] payloadHash,
                       byte[] metaDataHash) {

        static Row of(ResultSet rs) throws SQLException {
            rs.getLong("global_index");
            StoredEvent event = rs.wasNull() ? null : JdbcChainSealer.event(rs);
            return new Row(rs.getLong("position"), event, rs.getString("sealed_event"), rs.getString("sealed_case"),
                    rs.getLong("sealed_sequence"), rs.getBytes("hash"), rs.getBytes("previous_hash"),
                    rs.getBytes("case_hash"), rs.getBytes("case_previous_hash"), rs.getBytes("payload_hash"),
                    rs.getBytes("meta_data_hash"));
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
