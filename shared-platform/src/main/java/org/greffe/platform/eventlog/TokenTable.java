package org.greffe.platform.eventlog;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's token table and the head of the event log, read and written with plain SQL. Axon's own token store claims
 * and extends tokens; this adapter serves what Axon offers no API for: reading every segment's token of a processor
 * without claiming it, next to the log's head, and replacing a processor's tokens in the transaction that rebuilt its
 * tables.
 */
public class TokenTable {

    /** Events above a token looked at one by one for the segment they belong to, at most. */
    public static final int LOOK_AHEAD = 1_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    /**
     * @param jdbc       the connection to the event store
     * @param serializer the serializer Axon stores tokens with
     */
    public TokenTable(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * The processor's tokens, in segment order, and the log's head. One statement, one snapshot: the head covers every
     * event the tokens have passed.
     */
    public Reading read(String processorName) {
        return read(processorName, "SELECT 0");
    }

    /**
     * As {@link #read(String)}, with the value of the caller's own scalar query read in the same snapshot, e.g. the
     * generation of the tables the processor writes, which a rebuild moves on in the transaction that resets its
     * tokens.
     *
     * @param alongside a constant SQL query returning one number (never built from input)
     */
    public Reading read(String processorName, String alongside) {
        return jdbc.query("""
                SELECT h.head, (%s) AS alongside, t.segment, t.token, t.token_type
                FROM (SELECT coalesce(max(global_index), 0) AS head FROM domain_event_entry) h
                LEFT JOIN token_entry t ON t.processor_name = ?
                ORDER BY t.segment""".formatted(alongside), rs -> {
                    long head = 0L;
                    long value = 0L;
                    List<StoredToken> tokens = new ArrayList<>();
                    while (rs.next()) {
                        head = rs.getLong("head");
                        value = rs.getLong("alongside");
                        if (rs.getObject("segment") != null) {
                            byte[] token = rs.getBytes("token");
                            String type = rs.getString("token_type");
                            tokens.add(new StoredToken(rs.getInt("segment"), token == null ? null
                                    : (TrackingToken) serializer.deserialize(
                                            new SimpleSerializedObject<>(token, byte[].class, type, null)),
                                    token, type));
                        }
                    }
                    return new Reading(List.copyOf(tokens), head, value);
                }, processorName);
    }

    /** The global index of the newest stored event; 0 for an empty log. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }

    /** Which of the global indexes hold a stored event: a token's gap that does is an event that committed late. */
    public Set<Long> stored(Collection<Long> indexes) {
        if (indexes.isEmpty()) {
            return Set.of();
        }
        String array = indexes.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return Set.copyOf(jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index = ANY (?::bigint[])", Long.class,
                array));
    }

    /**
     * The stored events at the indexes, and the first {@code limit} stored after {@code after} up to {@code upTo}, each
     * with the identifier Axon sequences it by: its aggregate's, or {@code null} for an event outside any aggregate
     * (then every segment of a processor may handle it). A segment whose token lies behind the head has nothing to do
     * there unless one of these events is its own: Axon writes such a segment's token lazily, about once a second.
     *
     * @param indexes global indexes to look up, e.g. a token's gaps
     * @param after   read the events above this index ...
     * @param upTo    ... up to and with this one, e.g. the head read with the tokens
     * @param limit   at most this many of them
     */
    public Appended appended(Collection<Long> indexes, long after, long upTo, int limit) {
        String array = indexes.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        SortedMap<Long, Optional<String>> events = new TreeMap<>();
        long[] above = {0, after};
        jdbc.query("""
                SELECT global_index, CASE WHEN type IS NULL THEN NULL ELSE aggregate_identifier END AS sequence,
                       0 AS part
                FROM domain_event_entry WHERE global_index = ANY (?::bigint[])
                UNION ALL
                (SELECT global_index, CASE WHEN type IS NULL THEN NULL ELSE aggregate_identifier END, 1
                 FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?)""",
                rs -> {
                    long index = rs.getLong("global_index");
                    events.put(index, Optional.ofNullable(rs.getString("sequence")));
                    if (rs.getInt("part") == 1) {
                        above[0]++;
                        above[1] = Math.max(above[1], index);
                    }
                }, array, after, upTo, limit);
        return new Appended(Collections.unmodifiableSortedMap(events), above[0] < limit ? Math.max(after, upTo)
                : above[1]);
    }

    /**
     * Locks the processor's token rows until the surrounding transaction ends, which keeps every processor, on any
     * node, from writing its tokens meanwhile.
     *
     * @return the processor's segments; none before it first started
     */
    public List<Integer> lock(String processorName) {
        return jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE", Integer.class,
                processorName);
    }

    /**
     * Gives a processor that never started its segments, {@code 0} to {@code segments - 1}, without a token and without
     * an owner, as Axon's token store does on a processor's first start on an empty log, so that their rows can be
     * locked. Segments that exist are left as they are, whoever inserted them, even in a transaction still open.
     */
    public void initialize(String processorName, int segments, Instant at) {
        List<Object[]> rows = new ArrayList<>(segments);
        for (int segment = 0; segment < segments; segment++) {
            rows.add(new Object[]{processorName, segment, at.toString()});
        }
        jdbc.batchUpdate("INSERT INTO token_entry (processor_name, segment, timestamp) VALUES (?, ?, ?) "
                + "ON CONFLICT (processor_name, segment) DO NOTHING", rows);
    }

    /**
     * Sets every segment of the processor to the token and clears their owner: whichever node's processor claims a
     * segment next goes on from that token.
     */
    public void reset(String processorName, TrackingToken token, Instant at) {
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        jdbc.update("UPDATE token_entry SET token = ?, token_type = ?, timestamp = ?, owner = NULL "
                + "WHERE processor_name = ?", stored.getData(), stored.getType().getName(), at.toString(),
                processorName);
    }

    /**
     * A processor's tokens and the log's head, read in one snapshot.
     *
     * @param tokens    the processor's segments in segment order; empty before it first started
     * @param head      the global index of the newest stored event; 0 for an empty log
     * @param alongside the value of the caller's query read with them; 0 without one
     */
    public record Reading(List<StoredToken> tokens, long head, long alongside) {

        /** A reading without a value of the caller's. */
        public Reading(List<StoredToken> tokens, long head) {
            this(tokens, head, 0L);
        }

        /**
         * The lowest global index any segment's token has reached: 0 for a segment without a token, and 0 before the
         * processor first started. Gaps are not looked at.
         */
        public long position() {
            return tokens.stream().mapToLong(token -> token.token() == null ? 0L : token.token().position().orElse(0L))
                         .min().orElse(0L);
        }

        /** The share of the log one of these tokens' segments handles, among the processor's segments read here. */
        public Segment segment(StoredToken token) {
            int[] ids = tokens.stream().mapToInt(StoredToken::segment).toArray();
            return Segment.computeSegment(token.segment(), ids);
        }
    }

    /**
     * Stored events a processor's segments may not have handled yet.
     *
     * @param sequences the events found, by global index, with their sequencing identifier (empty outside any
     *                  aggregate)
     * @param readTo    every stored event above the lower bound asked for and up to this index is among them
     */
    public record Appended(SortedMap<Long, Optional<String>> sequences, long readTo) {

        /**
         * The global indexes, in order, of the events found here that a segment has still to fold, its token standing
         * at {@code index} with {@code gaps}: those above the index, up to {@link #readTo}, and those in a gap, each
         * only if Axon gives it to that segment (by the hash of its aggregate's identifier, as the sequencing policy
         * does; an event outside any aggregate goes to every segment).
         */
        public LongStream unfolded(Segment segment, long index, Set<Long> gaps) {
            return sequences.entrySet().stream()
                            .filter(event -> event.getKey() > index ? event.getKey() <= readTo
                                    : gaps.contains(event.getKey()))
                            .filter(event -> event.getValue()
                                                  .map(sequence -> segment.matches(Objects.hashCode(sequence)))
                                                  .orElse(true))
                            .mapToLong(Map.Entry::getKey);
        }
    }

    /**
     * One segment's token as stored.
     *
     * @param segment the segment's id
     * @param token   its token, or {@code null} before it read anything
     * @param data    the token's stored bytes, or {@code null}
     * @param type    the stored token's type name, or {@code null}
     */
    public record StoredToken(int segment, TrackingToken token, byte[] data, String type) {
    }
}
