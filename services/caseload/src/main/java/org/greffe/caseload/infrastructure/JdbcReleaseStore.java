package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.caseload.application.Release;
import org.greffe.caseload.application.ReleaseStore;
import org.greffe.caseload.application.TribunalRelease;
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
import java.util.Set;

/** Releases in {@code caseload_release} and {@code caseload_release_tribunal}; the secret in its own table. */
public class JdbcReleaseStore implements ReleaseStore {

    private static final TypeReference<List<PublishedMonth>> MONTHS = new TypeReference<>() {
    };
    private static final TypeReference<Map<YearMonth, Set<String>>> UNREVISED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> CASES = new TypeReference<>() {
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
    public boolean add(Release release, Map<String, TribunalRelease> tribunals, Map<String, Long> cases) {
        List<Object[]> rows = new ArrayList<>();
        tribunals.forEach((tribunal, part) -> rows.add(new Object[]{release.month().toString(), tribunal,
                write(part.months()), write(part.unrevised())}));
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int stored = jdbc.update("""
                    INSERT INTO caseload_release (release_month, made_at, log_position, projection_version, cases)
                    VALUES (?, ?, ?, ?, ?::json) ON CONFLICT (release_month) DO NOTHING""",
                    release.month().toString(), Timestamp.from(release.madeAt()), release.position(),
                    release.projectionVersion(), write(cases));
            if (stored == 0) {
                return false;
            }
            jdbc.batchUpdate("""
                    INSERT INTO caseload_release_tribunal (release_month, tribunal_id, months, unrevised)
                    VALUES (?, ?, ?::json, ?::json)""", rows);
            return true;
        }));
    }

    @Override
    public List<PublishedMonth> months(Release release, String tribunalId) {
        return jdbc.query("SELECT months FROM caseload_release_tribunal WHERE release_month = ? AND tribunal_id = ?",
                (rs, row) -> read(rs.getString("months"), MONTHS), release.month().toString(), tribunalId)
                   .stream().findFirst().orElse(List.of());
    }

    @Override
    public TribunalRelease tribunal(Release release, String tribunalId) {
        return jdbc.query("""
                SELECT months, unrevised FROM caseload_release_tribunal WHERE release_month = ? AND tribunal_id = ?""",
                (rs, row) -> new TribunalRelease(read(rs.getString("months"), MONTHS),
                        read(rs.getString("unrevised"), UNREVISED)), release.month().toString(), tribunalId)
                   .stream().findFirst().orElse(null);
    }

    @Override
    public Map<String, Long> cases(Release release) {
        return jdbc.query("SELECT cases FROM caseload_release WHERE release_month = ?",
                (rs, row) -> read(rs.getString("cases"), CASES), release.month().toString())
                   .stream().findFirst().orElse(Map.of());
    }

    @Override
    public byte[] cellKeySecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        jdbc.update("INSERT INTO caseload_cell_key_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                (Object) secret);
        return jdbc.queryForObject("SELECT secret FROM caseload_cell_key_secret WHERE id = 1", byte[].class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a release cannot be written as JSON", e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored release cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
