package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.caseload.application.Release;
import org.greffe.caseload.application.ReleaseStore;
import org.greffe.measures.PublishedMonth;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases in {@code caseload_release} and {@code caseload_release_tribunal}; the secret in its own table. */
public class JdbcReleaseStore implements ReleaseStore {

    private static final TypeReference<List<PublishedMonth>> MONTHS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public JdbcReleaseStore(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public Optional<Release> latest() {
        return jdbc.query("""
                SELECT release_month, made_at, log_position, projection_version FROM caseload_release
                ORDER BY release_month DESC LIMIT 1""", (rs, row) -> new Release(
                YearMonth.parse(rs.getString("release_month")), rs.getTimestamp("made_at").toInstant(),
                rs.getLong("log_position"), rs.getString("projection_version"))).stream().findFirst();
    }

    @Override
    public boolean add(Release release, Map<String, List<PublishedMonth>> tribunals) {
        List<Object[]> rows = new ArrayList<>();
        tribunals.forEach((tribunal, months) -> rows.add(new Object[]{release.month().toString(), tribunal,
                write(months)}));
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int stored = jdbc.update("""
                    INSERT INTO caseload_release (release_month, made_at, log_position, projection_version)
                    VALUES (?, ?, ?, ?) ON CONFLICT (release_month) DO NOTHING""", release.month().toString(),
                    Timestamp.from(release.madeAt()), release.position(), release.projectionVersion());
            if (stored == 0) {
                return false;
            }
            jdbc.batchUpdate("""
                    INSERT INTO caseload_release_tribunal (release_month, tribunal_id, months)
                    VALUES (?, ?, ?::json)""", rows);
            return true;
        }));
    }

    @Override
    public List<PublishedMonth> months(Release release, String tribunalId) {
        return jdbc.query("SELECT months FROM caseload_release_tribunal WHERE release_month = ? AND tribunal_id = ?",
                (rs, row) -> read(rs.getString("months")), release.month().toString(), tribunalId)
                   .stream().findFirst().orElse(List.of());
    }

    @Override
    public byte[] cellKeySecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        jdbc.update("INSERT INTO caseload_cell_key_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                (Object) secret);
        return jdbc.queryForObject("SELECT secret FROM caseload_cell_key_secret WHERE id = 1", byte[].class);
    }

    private String write(List<PublishedMonth> months) {
        try {
            return json.writeValueAsString(months);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published months cannot be written as JSON", e);
        }
    }

    private List<PublishedMonth> read(String months) {
        try {
            return json.readValue(months, MONTHS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored release cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
