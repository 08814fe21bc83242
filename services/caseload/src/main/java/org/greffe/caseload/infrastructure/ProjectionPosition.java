package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalLong;

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
        List<Long> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    if (token == null) {
                        return 0L;
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
                    OptionalLong position = tracking.position();
                    return position.orElse(0L);
                }, processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(0L);
    }

    /** The global index of the newest stored event; 0 for an empty log. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }
}
