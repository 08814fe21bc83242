package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.SealingStatus;
import org.greffe.audit.application.SealingStop;
import org.greffe.audit.application.SealingStop.BlockingTransaction;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * <p>Only events appended through Greffe. Each event's keyed authentication code is checked
 * ({@link AppendAuthentication}) before it is sealed. The sealer stops at the first event whose code is missing or
 * does not verify, and seals nothing after it: the chain never vouches for a row written behind Greffe's back, and
 * sealing past it would bury it among genuine events. The stop ({@link SealingStop.Kind#REFUSED}) is kept in memory,
 * where verify, health and the metrics read it; it lasts until someone explains the row (docs/auditing.md).
 *
 * <p>Never past an event that may still commit. {@code global_index} comes from a sequence, handed out before
 * commit: a transaction holding a lower index can commit after one holding a higher index, and a chain that sealed
 * the higher one first would have to leave the lower one out for ever. Every row the sealer sees is committed, so the
 * rows that follow the sealed head without a hole are always safe to seal, whatever else is running. A missing index
 * below a visible row is crossed only when no transaction can still fill it:
 * <ul>
 *   <li>it has stayed missing for {@code greffe.audit.gap-settle}, so an ordinary append has had time to commit;</li>
 *   <li>no open transaction that was already running when the index was first seen missing holds a write lock
 *   ({@code RowExclusiveLock}) on {@code domain_event_entry}. PostgreSQL takes that lock before an {@code INSERT}
 *   evaluates the default that hands out the index, and keeps it until the transaction ends, so whoever holds the
 *   index holds the lock. A transaction that began after the index was first seen missing cannot hold it: the
 *   sequence (cache 1, PostgreSQL's default) had by then handed out the index of the visible row above it.</li>
 * </ul>
 * A rolled-back index is then simply not in the chain, whatever unrelated transactions are open.
 *
 * <p>While a transaction that may fill the hole stays open, the sealer waits and says so
 * ({@link SealingStop.Kind#WAITING}, with the transactions' pids and ages). It never seals past it: an event committed
 * late into a hole below the sealed head could never be sealed, and verify would report it as inserted, so sealing
 * past would turn a slow transaction into a false alarm of tampering. Beyond {@code greffe.audit.max-sealing-lag} the
 * wait is an incident: verify reports it, health turns DOWN, an alert fires, and ending that transaction (or
 * terminating its backend) lets sealing go on at once.
 */
public class JdbcChainSealer {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcChainSealer.class);
    /** The two-key advisory lock space is apart from the one-key space of the registry's case locks. */
    private static final int LOCK_SPACE = 0x67726566;
    private static final int LOCK_SEALER = 0x6368_6169;

    private static final String CANDIDATES = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   statement_timestamp() AS seen_at
            FROM domain_event_entry e
            WHERE e.global_index > ?
            ORDER BY e.global_index
            LIMIT ?""";
    /**
     * Open transactions, other than this one, that hold a write lock on the event table and began at or before the
     * given time. What PostgreSQL hides from Greffe's role (another role's session) counts as open since ever.
     */
    private static final String WRITERS = """
            SELECT DISTINCT l.pid, a.xact_start, a.state, a.application_name,
                   extract(epoch FROM statement_timestamp() - a.xact_start)::float8 AS age
            FROM pg_locks l
            LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.mode = 'RowExclusiveLock'
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.relation = 'domain_event_entry'::regclass
              AND l.pid IS DISTINCT FROM pg_backend_pid()
              AND (a.xact_start IS NULL OR a.xact_start <= ?)
            ORDER BY age DESC NULLS FIRST""";
    /**
     * The sealed head, the events above it (counted up to {@link SealingStatus#COUNTED}, so that a scrape stays cheap
     * however far behind sealing is) and the recorded time of the first of them, in log order: the one that has
     * waited longest.
     */
    private static final String UNSEALED = """
            SELECT h.sealed_through, h.log_head,
                   (SELECT count(*) FROM (SELECT 1 FROM domain_event_entry e WHERE e.global_index > h.sealed_through
                                          LIMIT %d) u) AS unsealed,
                   (SELECT e.time_stamp FROM domain_event_entry e WHERE e.global_index > h.sealed_through
                    ORDER BY e.global_index LIMIT 1) AS oldest
            FROM (SELECT coalesce(max(global_index), 0) AS sealed_through,
                         (SELECT coalesce(max(global_index), 0) FROM domain_event_entry) AS log_head
                  FROM audit_chain) h""".formatted(
            SealingStatus.COUNTED);
    private static final String INSERT = """
            INSERT INTO audit_chain (global_index, event_identifier, aggregate_identifier, sequence_number, hash,
                                     previous_hash, case_hash, case_previous_hash, payload_hash, meta_data_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AppendAuthentication authentication;
    private final JdbcMerkleTree tree;
    private final Clock clock;
    private final int batchSize;
    private final Duration gapSettle;
    private final Duration maxLag;
    /** Missing indexes seen so far, by index; only touched under this object's monitor. */
    private final Map<Long, GapWatch> gaps = new HashMap<>();
    /** Whether this instance gave the chain sealed before the tree existed its tree (once, at its first round). */
    private boolean treeCaughtUp;
    /** Where and why the last round stopped below the newest stored event; null when it sealed everything. */
    private volatile SealingStop stop;

    /**
     * @param authentication checks the events' authentication codes
     * @param tree           the Merkle tree, grown in each sealing transaction with the events it sealed
     * @param gapSettle      how long a missing index must stay missing before the sealer asks who may still fill it
     * @param maxLag         how long an event may wait to be sealed before {@link #status()} calls it overdue
     */
    public JdbcChainSealer(JdbcTemplate jdbc, TransactionTemplate transaction, AppendAuthentication authentication,
                           JdbcMerkleTree tree, Clock clock, int batchSize, Duration gapSettle, Duration maxLag) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.authentication = authentication;
        this.tree = tree;
        this.clock = clock;
        this.batchSize = batchSize;
        this.gapSettle = gapSettle;
        this.maxLag = maxLag;
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
        if (!treeCaughtUp) {
            long added = transaction.execute(status -> {
                jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_SPACE, LOCK_SEALER);
                return tree.catchUp();
            });
            if (added > 0) {
                LOG.info("Added {} events sealed before the Merkle tree existed to the tree", added);
            }
            treeCaughtUp = true;
        }
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

    /** Why the latest round stopped below the newest stored event, or {@code null} when it sealed everything. */
    public SealingStop stop() {
        return stop;
    }

    /** Where sealing stands now: the sealed head, the unsealed events and their age, read from the database. */
    public SealingStatus status() {
        return jdbc.queryForObject(UNSEALED, (rs, row) -> {
            long unsealed = rs.getLong("unsealed");
            Instant oldest = recordedTime(rs.getString("oldest"));
            double age = oldest == null ? 0
                    : Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0;
            boolean overdue = unsealed > 0 && (oldest == null || age > maxLag.toMillis() / 1000.0);
            SealingStop current = stop;
            if (current == null) {
                // Not waiting for the next round to say it: a head above the log hides every event still unsealed.
                current = headAboveLog(rs.getLong("sealed_through"), rs.getLong("log_head"));
            }
            return new SealingStatus(rs.getLong("sealed_through"), unsealed, oldest, Math.round(age * 10) / 10.0,
                    maxLag.toSeconds(), overdue, current);
        });
    }

    /** A recorded time as Axon stores it; {@code null} when a row written by hand holds something else. */
    private static Instant recordedTime(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    private int sealBatch() {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, LOCK_SPACE, LOCK_SEALER);
        Link head = jdbc.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                rs -> rs.next() ? new Link(rs.getLong(1), rs.getBytes(2)) : new Link(0, ChainHash.GENESIS));
        gaps.keySet().removeIf(index -> index <= head.index());
        List<Candidate> candidates = jdbc.query(CANDIDATES, JdbcChainSealer::candidate, head.index(), batchSize);

        // First how far the holes allow, then the authentication codes of what lies before the first closed hole.
        List<StoredEvent> reachable = new ArrayList<>();
        SealingStop stopped = null;
        long expected = head.index() + 1;
        for (Candidate candidate : candidates) {
            if (candidate.event().globalIndex() > expected) {
                stopped = crossing(expected, candidate);
                if (stopped != null) {
                    break;
                }
            }
            reachable.add(candidate.event());
            expected = candidate.event().globalIndex() + 1;
        }
        List<AppendAuthentication.Verdict> verdicts = reachable.isEmpty() ? List.of()
                : authentication.check(reachable);

        List<Object[]> links = new ArrayList<>();
        Map<String, byte[]> caseHeads = caseHeads(reachable);
        byte[] previous = head.hash();
        for (int i = 0; i < reachable.size(); i++) {
            StoredEvent event = reachable.get(i);
            AppendAuthentication.Verdict verdict = verdicts.get(i);
            if (!verdict.genuine()) {
                stopped = new SealingStop(SealingStop.Kind.REFUSED, event.globalIndex(), clock.instant(),
                        verdict.reason(event), List.of());
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
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate(INSERT, links);
            // In the same transaction: the tree holds exactly what the sealer sealed, never a row written by others.
            tree.append(links.stream().map(link -> new JdbcMerkleTree.Link((Long) link[0], (byte[]) link[4]))
                             .toList());
        }
        if (candidates.isEmpty() && stopped == null) {
            stopped = headAboveLog(head);
        }
        if (stopped != null || links.size() < batchSize) {
            // A full batch that did not stop leaves the verdict to the next one.
            record(stopped);
        }
        return links.size();
    }

    /**
     * A refusal when the chain's head lies above the newest stored event (a row the guard trigger would refuse, so
     * written with it disabled): the sealer would wait for events below it for ever. {@code null} otherwise.
     */
    private SealingStop headAboveLog(Link head) {
        return headAboveLog(head.index(), jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class));
    }

    private SealingStop headAboveLog(long chainHead, long logHead) {
        if (chainHead <= logHead) {
            return null;
        }
        return new SealingStop(SealingStop.Kind.REFUSED, chainHead, clock.instant(), "the audit chain's head is at "
                + "global index " + chainHead + ", above the newest stored event (" + logHead + "): a chain row "
                + "that seals no stored event, written behind the sealer; nothing after it can be sealed", List.of());
    }

    /**
     * Whether the sealer may leave out the missing indexes from {@code missing} up to the candidate's: {@code null}
     * when it may, else the stop that says what it waits for.
     */
    private SealingStop crossing(long missing, Candidate candidate) {
        long above = candidate.event().globalIndex();
        GapWatch watch = gaps.get(missing);
        if (watch == null || above > watch.above()) {
            // First sighting (or the rows seen above it are gone): everything below 'above' was handed out by now.
            watch = new GapWatch(candidate.seenAt(), above);
            gaps.put(missing, watch);
        }
        String hole = missing == above - 1 ? "global index " + missing
                : "global indexes " + missing + " to " + (above - 1);
        if (Duration.between(watch.firstSeen(), candidate.seenAt()).compareTo(gapSettle) < 0) {
            return new SealingStop(SealingStop.Kind.WAITING, missing, clock.instant(), hole
                    + " missing below stored events: an append in flight may still commit it", List.of());
        }
        List<BlockingTransaction> writers = jdbc.query(WRITERS, JdbcChainSealer::writer,
                OffsetDateTime.ofInstant(watch.firstSeen(), ZoneOffset.UTC));
        if (writers.isEmpty()) {
            LOG.info("The audit chain goes on without {}: no transaction that could still commit it is open", hole);
            gaps.remove(missing);
            return null;
        }
        BlockingTransaction oldest = writers.get(0);
        return new SealingStop(SealingStop.Kind.WAITING, missing, clock.instant(), hole + " missing below stored "
                + "events, and " + writers.size() + " open transaction(s) that wrote to the event table since before "
                + "it went missing may still commit it; sealing waits for them (the oldest: pid " + oldest.pid()
                + ", open for " + (oldest.ageSeconds() == null ? "an unknown time" : oldest.ageSeconds() + " s")
                + ", " + (oldest.state() == null ? "state unknown" : oldest.state()) + ")", writers);
    }

    /** Keeps the stop of this round, with the time it was first met at the same place. */
    private void record(SealingStop next) {
        SealingStop current = stop;
        if (next == null) {
            if (current != null && (current.kind() == SealingStop.Kind.REFUSED
                    || !current.blockingTransactions().isEmpty())) {
                LOG.info("Sealing goes on past global index {}", current.globalPosition());
            }
            stop = null;
            return;
        }
        if (next.samePlace(current)) {
            next = new SealingStop(next.kind(), next.globalPosition(), current.since(), next.reason(),
                    next.blockingTransactions());
        }
        boolean newlyBlocked = !next.blockingTransactions().isEmpty()
                && (!next.samePlace(current) || current.blockingTransactions().isEmpty());
        if (next.kind() == SealingStop.Kind.REFUSED && !next.samePlace(current)) {
            LOG.error("The audit chain stops at global index {} and seals nothing after it: {}",
                    next.globalPosition(), next.reason());
        } else if (newlyBlocked) {
            LOG.warn("The audit chain waits at global index {}: {}", next.globalPosition(), next.reason());
        }
        stop = next;
    }

    private Map<String, byte[]> caseHeads(List<StoredEvent> events) {
        LinkedHashSet<String> cases = new LinkedHashSet<>();
        events.forEach(event -> cases.add(event.aggregateIdentifier()));
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
        return new Candidate(event(rs), rs.getObject("seen_at", OffsetDateTime.class).toInstant());
    }

    private static BlockingTransaction writer(ResultSet rs, int row) throws SQLException {
        OffsetDateTime started = rs.getObject("xact_start", OffsetDateTime.class);
        Double age = (Double) rs.getObject("age");
        return new BlockingTransaction((Integer) rs.getObject("pid"), started == null ? null : started.toInstant(),
                age == null ? null : Math.round(age * 10) / 10.0, rs.getString("state"),
                rs.getString("application_name"));
    }

    private record Link(long index, byte[] hash) {
    }

    private record Candidate(StoredEvent event, Instant seenAt) {
    }

    /**
     * A hole in the global index, watched since it was first seen.
     *
     * @param firstSeen when it was first seen, by the database's clock
     * @param above     the index of the visible row just above it then
     */
    private record GapWatch(Instant firstSeen, long above) {
    }
}
