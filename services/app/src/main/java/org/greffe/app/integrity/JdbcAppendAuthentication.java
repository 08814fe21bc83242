package org.greffe.app.integrity;

import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks events' authentication codes for the audit service, which never sees the keys: the codes are read from
 * {@code event_authentication} in one query (inside the caller's transaction, so the sealer and the verification
 * read the codes in the same snapshot as the events) and recomputed from the stored fields with the key each names.
 */
final class JdbcAppendAuthentication implements AppendAuthentication {

    private final JdbcTemplate jdbc;
    private final AppendKeys keys;
    private volatile Long unauthenticatedThrough;

    JdbcAppendAuthentication(JdbcTemplate jdbc, AppendKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public List<Verdict> check(List<StoredEvent> events) {
        Map<String, Code> codes = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT event_identifier, key_id, mac FROM event_authentication WHERE event_identifier = ANY (?)");
            statement.setArray(1, connection.createArrayOf("varchar",
                    events.stream().map(StoredEvent::eventIdentifier).toArray()));
            return statement;
        }, rs -> {
            codes.put(rs.getString(1), new Code(rs.getString(2), rs.getBytes(3)));
        });
        List<Verdict> verdicts = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            verdicts.add(verdict(event, codes.get(event.eventIdentifier())));
        }
        return verdicts;
    }

    private Verdict verdict(StoredEvent event, Code code) {
        if (code == null) {
            return event.globalIndex() <= unauthenticatedThrough()
                    ? new Verdict(Outcome.APPENDED_BEFORE_AUTHENTICATION, null)
                    : new Verdict(Outcome.MISSING, null);
        }
        Optional<AppendKeys.Key> key = keys.find(code.keyId());
        if (key.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN_KEY, code.keyId());
        }
        return MessageDigest.isEqual(EventAuthenticationCode.of(key.get(), event), code.mac())
                ? Verdict.authentic(code.keyId()) : new Verdict(Outcome.INVALID, code.keyId());
    }

    /** The newest global index stored before Greffe authenticated appends; it never changes once migrated. */
    private long unauthenticatedThrough() {
        Long through = unauthenticatedThrough;
        if (through == null) {
            through = jdbc.query("SELECT unauthenticated_through FROM event_authentication_start WHERE id = 1",
                    rs -> rs.next() ? rs.getLong(1) : 0L);
            unauthenticatedThrough = through;
        }
        return through;
    }

    private record Code(String keyId, byte[] mac) {
    }
}
