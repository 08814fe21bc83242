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

    /** The global index every segment of the processor has passed; 0 when it has read nothing yet. */
    public long position() {
        return tokens().stream().mapToLong(token -> token == null ? 0L : token.position().orElse(0L)).min()
                       .orElse(0L);
    }

    /**
     * True while the projection is being rebuilt from the start of the log: its figures are not final until every
     * segment has replayed up to where the log stood when the rebuild began (Axon keeps the replay token until the
     * next new event, so "reached the reset position" is the test, not "still a replay token").
     */
    public boolean rebuilding() {
        return tokens().stream().anyMatch(token -> token instanceof ReplayToken replay
                && (replay.getCurrentToken() == null || !replay.getCurrentToken().covers(replay.getTokenAtReset())));
    }

    private List<TrackingToken> tokens() {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (rs, row) -> {
            byte[] token = rs.getBytes("token");
            return token == null ? null : (TrackingToken) serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
        }, processor);
    }

    /** The global index of the newest stored event; 0 for an empty log. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }
}
