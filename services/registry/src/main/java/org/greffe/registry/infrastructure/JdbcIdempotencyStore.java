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
import java.util.Optional;

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
