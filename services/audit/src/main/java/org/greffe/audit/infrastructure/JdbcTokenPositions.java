package org.greffe.audit.infrastructure;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.greffe.audit.application.TokenPositions;
import org.springframework.jdbc.core.JdbcTemplate;

/** Token positions read from Axon's {@code token_entry}, and the head of {@code domain_event_entry}. */
public class JdbcTokenPositions implements TokenPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public JdbcTokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public long position(String processorName) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (rs, row) -> {
            byte[] token = rs.getBytes("token");
            if (token == null) {
                return 0L;
            }
            TrackingToken tracking = serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
            return tracking.position().orElse(0L);
        }, processorName).stream().mapToLong(Long::longValue).min().orElse(0L);
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }
}
