package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * How far the caseload projection has read the event log, next to how far the log goes: figures name the position
 * they were computed at, and a reader can tell whether they are up to date.
 */
public class ProjectionPosition {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String processor;

    public ProjectionPosition(JdbcTemplate jdbc, Serializer serializer, String processor) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processor = processor;
    }

    /** Where the projection stands: its tokens, its tables' generation and the log's head, in one query. */
    public State state() {
        List<Segment> segments = segments();
        if (segments.isEmpty()) {
            return new State(0L, head(), false, "g" + generation());
        }
        List<TrackingToken> tokens = segments.stream().map(Segment::token).toList();
        long position = tokens.stream().mapToLong(token -> token == null ? 0L : token.position().orElse(0L)).min()
                              .orElse(0L);
        // Axon keeps a replay token until the next new event after the replay, so "reached the position where the
        // log stood at the reset" is the test for a finished replay, not "still a replay token".
        boolean replaying = tokens.stream().anyMatch(token -> token instanceof ReplayToken replay
                && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset())));
        StringBuilder version = new StringBuilder("g").append(segments.get(0).generation()).append(' ');
        for (Segment segment : segments) {
            version.append(segment.segment()).append(':').append(segment.token() == null ? "-"
                    : segment.token().position().orElse(-1L)).append(replaying ? "r" : "").append(' ');
        }
        return new State(position, segments.get(0).head(), replaying, version.toString().strip());
    }

    private List<Segment> segments() {
        // One statement, one snapshot: the head it reads covers every event the tokens it reads have passed.
        return jdbc.query("""
                SELECT segment, token, token_type, (SELECT generation FROM caseload_generation) AS g,
                       (SELECT coalesce(max(global_index), 0) FROM domain_event_entry) AS head
                FROM token_entry WHERE processor_name = ? ORDER BY segment""", (rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    return new Segment(rs.getInt("segment"), token == null ? null
                            : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null)),
                            rs.getLong("g"), rs.getLong("head"));
                }, processor);
    }

    private long generation() {
        Long generation = jdbc.queryForObject("SELECT generation FROM caseload_generation", Long.class);
        return generation == null ? 0L : generation;
    }

    private record Segment(int segment, TrackingToken token, long generation, long head) {
    }

    /**
     * The projection's progress.
     *
     * @param position  the global index every segment of the processor has passed; 0 when it has read nothing
     * @param head      the global index of the newest stored event; 0 for an empty log
     * @param replaying true while the projection replays the log from its start (a rebuild, or a first catch-up):
     *                  its figures are not final
     * @param version   the tables' generation and every segment's position: the projection's tables change only
     *                  when it changes, since each segment writes its rows and its token in one transaction, and a
     *                  rebuild moves the generation on
     */
    public record State(long position, long head, boolean replaying, String version) {
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }
}
