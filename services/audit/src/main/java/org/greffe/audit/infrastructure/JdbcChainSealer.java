package org.greffe.audit.infrastructure;

import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Seals stored events into {@code audit_chain} in global order, in batches, one transaction per batch.
 *
 * <p>Single writer: each batch first takes a transaction-level advisory lock, so several Greffe instances on one
 * database seal one after the other and never fork the chain.
 *
 * <p>Never past an event that may still commit. {@code global_index} comes from a sequence, handed out before
 * commit: a transaction holding a lower index can commit after one holding a higher index, and a chain that
 * sealed the higher one first would have to leave the lower one out for ever. Two rules keep it from happening:
 * <ul>
 *   <li>a row is sealed only if the transaction that wrote it ({@code xmin}) precedes the oldest transaction still
 *   running in the statement's snapshot ({@code pg_snapshot_xmin(pg_current_snapshot())}); the sealer stops at
 *   the first visible row that does not, so everything it seals was written by transactions that had all ended
 *   before any transaction still running had started writing;</li>
 *   <li>a missing index below a sealable row (an in-flight insert, or a rolled-back one that never will appear) is
 *   crossed only after it has stayed missing for {@code greffe.audit.gap-settle}, and then only once every
 *   transaction running at that moment has ended. The second rule covers what the first cannot see: a transaction
 *   takes its index while evaluating the {@code INSERT}'s default and only gets a transaction id an instant later,
 *   in between it is in no snapshot. Rolled-back indexes therefore delay sealing by about the settle time and are
 *   then simply not in the chain.</li>
 * </ul>
 */
public class JdbcChainSealer {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcChainSealer.class);
    /** The two-key advisory lock space is apart from the one-key space of the registry's case locks. */
    private static final int LOCK_SPACE = 0x67726566;
    private static final int LOCK_SEALER = 0x6368_6169;

    /*
     * xmin is a 32-bit transaction id; pg_snapshot_xmin is a 64-bit xid8 (epoch and id). Comparing
     * xmin::text::bigint with the xid8 as plain numbers is right only until the first wraparound (4 billion
     * transactions), after which every row would look old. PostgreSQL itself compares 32-bit ids modulo 2^32
     * (TransactionIdPrecedes): a precedes b when (b - a) mod 2^32 lies in [1, 2^31). Checked on PostgreSQL 16:
     * a row written by a transaction that is still running, or that began after the oldest running one, is
     * reported false.
     */
    private static final String CANDIDATES = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   ((s.xmin - e.xmin::text::bigint) % 4294967296 + 4294967296) % 4294967296
                       BETWEEN 1 AND 2147483647 AS settled,
                   s.xmin AS snapshot_xmin, s.xmax AS snapshot_xmax
            FROM domain_event_entry e,
                 (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,
                         pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax) s
            WHERE e.global_index > ?
            ORDER BY e.global_index
            LIMIT ?""";
    private static final String INSERT = """
            INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash,
                                     previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;
    private final Duration gapSettle;
    /** Missing indexes seen so far, by index; only touched under this object's monitor. */
    private final Map<Long, GapWatch> gaps = new HashMap<>();

    public JdbcChainSealer(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, int batchSize,
                           Duration gapSettle) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = batchSize;
        this.gapSettle = gapSettle;
    }

    /** The schedule: seals what it can every {@code greffe.audit.seal-delay-ms}. */
    @Scheduled(fixedDelayString = "${greffe.audit.seal-delay-ms:500}",
               initialDelayString = "${greffe.audit.seal-delay-ms:500}")
    public void sealOnSchedule() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            // The next round tries again; an unsealed event is only late, never lost.
            LOG.warn("Sealing the audit chain failed, will retry: {}", e.toString());
        }
    }

    /** Seals every event that can be sealed now, batch after batch; returns how many were sealed. */
    public synchronized long sealPending() {
        long sealed = 0;
        int batch;
        do {
            batch = transaction.execute(status -> sealBatch());
            sealed += batch;
        } while (batch == batchSize);
        if (sealed > 0) {
            LOG.debug("Sealed {} events into the audit chain", sealed);
        }
        return sealed;
    }

    private int sealBatch() {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_SPACE, LOCK_SEALER);
        Link head = jdbc.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                rs -> rs.next() ? new Link(rs.getLong(1), rs.getBytes(2)) : new Link(0, ChainHash.GENESIS));
        gaps.keySet().removeIf(index -> index <= head.index());
        List<Candidate> candidates = jdbc.query(CANDIDATES, JdbcChainSealer::candidate, head.index(), batchSize);
        List<Object[]> links = new ArrayList<>();
        Map<String, byte[]> caseHeads = caseHeads(candidates);
        byte[] previous = head.hash();
        long expected = head.index() + 1;
        for (Candidate candidate : candidates) {
            StoredEvent event = candidate.event();
            if (event.globalIndex() > expected && !mayCross(expected, candidate)) {
                break;
            }
            if (!candidate.settled()) {
                break;
            }
            byte[] hash = ChainHash.hash(event, previous);
            byte[] casePrevious = caseHeads.getOrDefault(event.aggregateIdentifier(), ChainHash.GENESIS);
            byte[] caseHash = ChainHash.hash(event, casePrevious);
            links.add(new Object[]{event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                    event.sequenceNumber(), hash, previous, caseHash, casePrevious,
                    ChainHash.sha256(event.payload()),
                    event.metaData() == null ? null : ChainHash.sha256(event.metaData())});
            caseHeads.put(event.aggregateIdentifier(), caseHash);
            previous = hash;
            expected = event.globalIndex() + 1;
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate(INSERT, links);
        }
        return links.size();
    }

    /**
     * Whether the sealer may leave the index {@code missing} out of the chain. First sighting: no. Once it has been
     * missing for the settle time, the snapshot's xmax is noted: any transaction that took the index has by then
     * got its transaction id, below that mark. Once the oldest running transaction is at or past the mark, every
     * such transaction has ended, and the index is a gap for good.
     */
    private boolean mayCross(long missing, Candidate candidate) {
        Instant now = clock.instant();
        GapWatch watch = gaps.get(missing);
        if (watch == null) {
            gaps.put(missing, new GapWatch(now, -1));
            return false;
        }
        if (watch.mark() < 0) {
            if (Duration.between(watch.firstSeen(), now).compareTo(gapSettle) >= 0) {
                gaps.put(missing, new GapWatch(watch.firstSeen(), candidate.snapshotXmax()));
            }
            return false;
        }
        if (candidate.snapshotXmin() >= watch.mark()) {
            LOG.info("Global index {} never committed; the audit chain goes on without it", missing);
            return true;
        }
        return false;
    }

    private Map<String, byte[]> caseHeads(List<Candidate> candidates) {
        LinkedHashSet<String> cases = new LinkedHashSet<>();
        candidates.forEach(candidate -> cases.add(candidate.event().aggregateIdentifier()));
        Map<String, byte[]> heads = new HashMap<>();
        if (cases.isEmpty()) {
            return heads;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, case_hash FROM audit_chain
                    WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, global_index DESC""");
            statement.setArray(1, connection.createArrayOf("varchar", cases.toArray()));
            return statement;
        }, rs -> {
            heads.put(rs.getString(1), rs.getBytes(2));
        });
        return heads;
    }

    static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(event(rs), rs.getBoolean("settled"), rs.getLong("snapshot_xmin"),
                rs.getLong("snapshot_xmax"));
    }

    private record Link(long index, byte[] hash) {
    }

    private record Candidate(StoredEvent event, boolean settled, long snapshotXmin, long snapshotXmax) {
    }

    private record GapWatch(Instant firstSeen, long mark) {
    }
}
