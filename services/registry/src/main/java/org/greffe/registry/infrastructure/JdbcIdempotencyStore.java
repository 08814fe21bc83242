package org.greffe.registry.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.IdempotencyStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Idempotency records in {@code registry_idempotency}, on the connection of the command's transaction. The result
 * is kept as the {@code version} column and a JSON {@code body} of {@code caseId}, {@code hearingId} (when the
 * command scheduled one) and {@code version}: the shape rows have always had, so rows recorded before this class
 * stored a {@link CommandResult} read the same. The {@code status} and {@code location} columns, which rows of
 * older versions also filled, are no longer written nor read: the caller derives both from the result. A result
 * foreseen at the reservation is written with it; no other transaction sees the row before its command commits.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcIdempotencyStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Recorded> reserve(String key, String fingerprint, CommandResult foreseen) {
        // ON CONFLICT waits for a concurrent holder of the key to commit or roll back before it decides.
        int reserved = jdbc.update("""
                INSERT INTO registry_idempotency (idempotency_key, fingerprint, version, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""", key, fingerprint,
                new SqlParameterValue(Types.BIGINT, foreseen == null ? null : foreseen.version()),
                new SqlParameterValue(Types.VARCHAR, foreseen == null ? null : write(foreseen)));
        if (reserved == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                SELECT fingerprint, version, body FROM registry_idempotency WHERE idempotency_key = ?""",
                (rs, row) -> new Recorded(rs.getString("fingerprint"),
                        read(rs.getString("body"), rs.getLong("version"))),
                key));
    }

    @Override
    public void complete(String key, CommandResult result) {
        jdbc.update("UPDATE registry_idempotency SET version = ?, body = ? WHERE idempotency_key = ?",
                result.version(), write(result), key);
    }

    @Override
    public Map<String, Recorded> findAll(Collection<String> keys) {
        Map<String, Recorded> recorded = new HashMap<>();
        if (keys.isEmpty()) {
            return recorded;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT idempotency_key, fingerprint, version, body FROM registry_idempotency
                    WHERE idempotency_key = ANY (?)""");
            statement.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            return statement;
        }, rs -> {
            recorded.put(rs.getString(1), new Recorded(rs.getString(2), read(rs.getString(4), rs.getLong(3))));
        });
        return recorded;
    }

    @Override
    public Set<String> recordAll(List<Completed> completed) {
        if (completed.isEmpty()) {
            return Set.of();
        }
        Set<String> refused = new HashSet<>();
        String[] keys = new String[completed.size()];
        String[] fingerprints = new String[completed.size()];
        Long[] versions = new Long[completed.size()];
        String[] bodies = new String[completed.size()];
        for (int i = 0; i < completed.size(); i++) {
            Completed one = completed.get(i);
            keys[i] = one.key();
            fingerprints[i] = one.fingerprint();
            versions[i] = one.result().version();
            bodies[i] = write(one.result());
            refused.add(one.key());
        }
        // ON CONFLICT waits for a concurrent holder of a key, then skips it: the keys not returned were taken.
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO registry_idempotency (idempotency_key, fingerprint, version, body)
                    SELECT * FROM unnest(?::varchar[], ?::char(64)[], ?::bigint[], ?::text[])
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING idempotency_key""");
            statement.setArray(1, connection.createArrayOf("varchar", keys));
            statement.setArray(2, connection.createArrayOf("bpchar", fingerprints));
            statement.setArray(3, connection.createArrayOf("int8", versions));
            statement.setArray(4, connection.createArrayOf("text", bodies));
            return statement;
        }, rs -> {
            refused.remove(rs.getString(1));
        });
        return refused;
    }

    private String write(CommandResult result) {
        ObjectNode body = json.createObjectNode();
        body.put("caseId", result.caseId().value());
        if (result.hearingId() != null) {
            body.put("hearingId", result.hearingId().value());
        }
        body.put("version", result.version());
        return body.toString();
    }

    private CommandResult read(String stored, long version) {
        try {
            JsonNode body = json.readTree(stored);
            JsonNode hearingId = body.get("hearingId");
            return new CommandResult(new CaseId(body.get("caseId").asText()),
                    hearingId == null ? null : new HearingId(hearingId.asText()), version, true);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("stored result is not the JSON of a command result", e);
        }
    }
}
