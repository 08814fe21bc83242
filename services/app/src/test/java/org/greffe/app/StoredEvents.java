package org.greffe.app;

import org.greffe.app.integrity.AppendKeys;
import org.greffe.app.integrity.EventAuthenticationCode;
import org.greffe.audit.application.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stored events read as the sealer reads them, and authenticated as Greffe authenticates what it appends. */
final class StoredEvents {

    private StoredEvents() {
    }

    /** The row of {@code domain_event_entry} with this event identifier, exactly as stored. */
    static StoredEvent of(JdbcTemplate jdbc, String eventIdentifier) {
        return jdbc.queryForObject("SELECT * FROM domain_event_entry WHERE event_identifier = ?",
                (rs, row) -> new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                        rs.getBytes("payload"), rs.getBytes("meta_data")), eventIdentifier);
    }

    /**
     * Records the authentication code of a row written by SQL, as the Greffe that appended it would have, with the
     * current key: for tests that store an event in a form the API no longer writes.
     */
    static void authenticate(JdbcTemplate jdbc, AppendKeys keys, String eventIdentifier) {
        AppendKeys.Key key = keys.current();
        jdbc.update("INSERT INTO event_authentication (event_identifier, key_id, mac) VALUES (?, ?, ?)",
                eventIdentifier, key.id(), EventAuthenticationCode.of(key, of(jdbc, eventIdentifier)));
    }
}
