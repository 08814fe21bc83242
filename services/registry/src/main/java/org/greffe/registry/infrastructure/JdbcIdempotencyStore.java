package org.greffe.registry.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.registry.application.CommandResponse;
import org.greffe.registry.application.IdempotencyStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Optional;

/** Idempotency records in {@code registry_idempotency}, on the connection of the command's transaction. */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcIdempotencyStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Recorded> reserve(String key, String fingerprint) {
        // ON CONFLICT waits for a concurrent holder of the key to commit or roll back before it decides.
        int reserved = jdbc.update("""
                INSERT INTO registry_idempotency (idempotency_key, fingerprint) VALUES (?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""", key, fingerprint);
        if (reserved == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                SELECT fingerprint, status, location, version, body FROM registry_idempotency
                WHERE idempotency_key = ?""",
                (rs, row) -> new Recorded(rs.getString("fingerprint"), new CommandResponse(
                        rs.getInt("status"), rs.getString("location"), rs.getLong("version"),
                        read(rs.getString("body")))),
                key));
    }

    @Override
    public void complete(String key, CommandResponse response) {
        jdbc.update("UPDATE registry_idempotency SET status = ?, location = ?, version = ?, body = ? "
                        + "WHERE idempotency_key = ?",
                response.status(), response.location(), response.version(), write(response.body()), key);
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be stored", e);
        }
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, BODY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response body is not JSON", e);
        }
    }
}
