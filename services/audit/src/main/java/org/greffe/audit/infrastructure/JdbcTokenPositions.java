package org.greffe.audit.infrastructure;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.greffe.audit.application.TokenPositions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return tokens(processorName).stream().mapToLong(token -> token.map(t -> t.position().orElse(0L)).orElse(0L))
                                    .min().orElse(0L);
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0L : head;
    }

    /**
     * Read after the tokens, the head covers every event they passed; an event committed into a gap after the tokens
     * were read counts as unread, which it may well be.
     */
    @Override
    public long unread(String processorName) {
        List<Optional<TrackingToken>> tokens = tokens(processorName);
        long head = head();
        return tokens.stream().mapToLong(token -> unread(token.orElse(null), head)).max().orElse(head);
    }

    private long unread(TrackingToken token, long head) {
        if (token == null) {
            return head;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isEmpty()) {
            return Math.max(0, head - token.position().orElse(0L));
        }
        long past = Math.max(0, head - gapAware.get().getIndex());
        if (!gapAware.get().hasGaps()) {
            return past;
        }
        String gaps = gapAware.get().getGaps().stream().map(String::valueOf)
                              .collect(Collectors.joining(",", "{", "}"));
        Long late = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index = ANY (?::bigint[])", Long.class, gaps);
        return past + (late == null ? 0 : late);
    }

    private List<Optional<TrackingToken>> tokens(String processorName) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", (rs, row) -> {
            byte[] token = rs.getBytes("token");
            return token == null ? Optional.<TrackingToken>empty() : Optional.of((TrackingToken) serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null)));
        }, processorName);
    }
}
