package org.greffe.platform.eventlog;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalLong;

/**
 * Positions in the event log as clients see them: every accepted command answers the position of the event it
 * appended ({@value #POSITION}), and reads that follow a projection accept it back as {@value #AT_LEAST}, to wait until
 * the projection has folded it (read your own writes). A position is an event's global index: it only grows, but with
 * gaps, so positions are compared, never subtracted.
 */
public class LogPositions {

    /** Header of an accepted command (its event's position) and of exact figures (how far they have read the log). */
    public static final String POSITION = "Greffe-Log-Position";
    /** Header of exact figures: the newest stored event's position. */
    public static final String HEAD = "Greffe-Log-Head";
    /** Query parameter of the reads that follow the log: the position a client needs them to have reached. */
    public static final String AT_LEAST = "atLeast";

    private final JdbcTemplate jdbc;

    /** @param jdbc the connection to the event store */
    public LogPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The position of an aggregate's event.
     *
     * @return its global index, or empty when no such event is stored
     */
    public OptionalLong of(String aggregateIdentifier, long sequenceNumber) {
        List<Long> found = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", Long.class, aggregateIdentifier,
                sequenceNumber);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    /**
     * The position a client asked a read to have reached, as sent in {@value #AT_LEAST}.
     *
     * @param value the parameter as sent, or {@code null}
     * @return the position, or empty when none was asked for
     * @throws IllegalArgumentException with a sentence for the client, when it is no position
     */
    public static OptionalLong atLeast(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("atLeast must be a log position, a whole number as an accepted "
                    + "command's " + POSITION + " header gives it (e.g. atLeast=1234)");
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
