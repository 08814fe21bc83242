package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far the caseload projection has read the event log, next to how far the log goes: figures name the position
 * they were computed at, and a reader can tell whether they are up to date.
 *
 * <p>Why gaps matter: {@code global_index} comes from a sequence, so an append that took a lower index can commit
 * after one that took a higher index. Axon's token then holds the lower index as a gap and folds the event when it
 * commits, without its index moving. Both what this class calls the position and the version therefore look at the
 * gaps: the position stops below the lowest gap whose event is stored but not folded yet, and the version digests
 * every token whole, so that folding a late event changes it like any other fold.
 */
public class ProjectionPosition {

    private static final int DIGEST_BYTES = 8;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String processor;

    public ProjectionPosition(JdbcTemplate jdbc, Serializer serializer, String processor) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processor = processor;
    }

    /** Where the projection stands: its tokens, its tables' generation and the log's head. */
    public State state() {
        List<Segment> segments = segments();
        if (segments.isEmpty()) {
            return new State(0L, head(), false, "g" + generation());
        }
        // Read after the tokens: an event found stored here and missing from a token is not in the figures that
        // token covers, whichever committed first. Counting one that was folded meanwhile only lowers the position.
        return of(segments, stored(segments.stream().flatMap(segment -> gaps(segment.token()).stream())
                                           .collect(Collectors.toCollection(TreeSet::new))));
    }

    /**
     * The state the segments' tokens give.
     *
     * @param segments    the processor's segments, in segment order, none missing
     * @param storedGaps  which of the tokens' gaps hold a stored event
     */
    static State of(List<Segment> segments, Set<Long> storedGaps) {
        long position = segments.stream().mapToLong(segment -> folded(segment.token(), storedGaps)).min()
                                .orElse(0L);
        // Axon keeps a replay token until the next new event after the replay, so "reached the position where the
        // log stood at the reset" is the test for a finished replay, not "still a replay token".
        boolean replaying = segments.stream().map(Segment::token).anyMatch(token -> token instanceof ReplayToken replay
                && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset())));
        StringBuilder version = new StringBuilder("g").append(segments.get(0).generation()).append(' ');
        for (Segment segment : segments) {
            version.append(segment.segment()).append(':').append(segment.token() == null ? "-"
                    : segment.token().position().orElse(-1L)).append(replaying ? "r" : "").append(' ');
        }
        version.append('#').append(digest(segments));
        return new State(position, segments.get(0).head(), replaying, version.toString());
    }

    /**
     * The highest index at and below which every stored event has passed through the token: its index, unless a
     * gap below it holds a stored event, which the token has not folded yet.
     */
    static long folded(TrackingToken token, Set<Long> storedGaps) {
        if (token == null) {
            return 0L;
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                           .map(gapAware -> gapAware.getGaps().stream().filter(storedGaps::contains).findFirst()
                                                    .map(gap -> gap - 1).orElse(gapAware.getIndex()))
                           .orElseGet(() -> token.position().orElse(0L));
    }

    private static SortedSet<Long> gaps(TrackingToken token) {
        return token == null ? new TreeSet<>() : WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                                                            .map(GapAwareTrackingToken::getGaps)
                                                            .orElseGet(TreeSet::new);
    }

    /**
     * A digest of every token as stored: any fold changes some token (its index moves or a gap leaves it), so it
     * changes the digest.
     */
    private static String digest(List<Segment> segments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Segment segment : segments) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(segment.segment()).array());
                byte[] type = segment.tokenType() == null ? new byte[0]
                        : segment.tokenType().getBytes(StandardCharsets.UTF_8);
                byte[] stored = segment.stored() == null ? new byte[0] : segment.stored();
                sha.update(ByteBuffer.allocate(Integer.BYTES * 2).putInt(type.length).putInt(stored.length).array());
                sha.update(type);
                sha.update(stored);
            }
            byte[] hash = sha.digest();
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private List<Segment> segments() {
        // One statement, one snapshot: the head it reads covers every event the tokens it reads have passed.
        return jdbc.query("""
                SELECT segment, token, token_type, (SELECT generation FROM caseload_generation) AS g,
                       (SELECT coalesce(max(global_index), 0) FROM domain_event_entry) AS head
                FROM token_entry WHERE processor_name = ? ORDER BY segment""", (rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    return new Segment(rs.getInt("segment"), token == null ? null
                            : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null)),
                            token, type, rs.getLong("g"), rs.getLong("head"));
                }, processor);
    }

    /** Which of the indexes hold a stored event. */
    private Set<Long> stored(SortedSet<Long> indexes) {
        if (indexes.isEmpty()) {
            return Set.of();
        }
        String array = indexes.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return Set.copyOf(jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index = ANY (?::bigint[])", Long.class,
                array));
    }

    private long generation() {
        Long generation = jdbc.queryForObject("SELECT generation FROM caseload_generation", Long.class);
        return generation == null ? 0L : generation;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }

    /**
     * One segment's token as read from the token table.
     *
     * @param segment    the segment's id
     * @param token      its token, or {@code null} before it read anything
     * @param stored     the token's stored bytes, or {@code null}
     * @param tokenType  the stored token's type name, or {@code null}
     * @param generation the projection tables' generation
     * @param head       the log's head in the same snapshot
     */
    record Segment(int segment, TrackingToken token, byte[] stored, String tokenType, long generation, long head) {
    }

    /**
     * The projection's progress.
     *
     * @param position  the highest global index at and below which every stored event has been folded by every
     *                  segment of the processor; 0 when it has read nothing. It stops below an event that committed
     *                  late into a gap until that event is folded, and below an event the projection cannot fold
     * @param head      the global index of the newest stored event; 0 for an empty log
     * @param replaying true while the projection replays the log from its start (a rebuild, or a first catch-up):
     *                  its figures are not final
     * @param version   the tables' generation, every segment's position and a digest of every segment's token with
     *                  its gaps: the projection's tables change only when a token changes, since each segment writes
     *                  its rows and its token in one transaction, and a rebuild moves the generation on
     */
    public record State(long position, long head, boolean replaying, String version) {
    }
}
