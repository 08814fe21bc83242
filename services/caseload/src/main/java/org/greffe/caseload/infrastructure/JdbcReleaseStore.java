package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.TreeMap;

/**
 * Releases in {@code caseload_release} and {@code caseload_release_tribunal} (each tribunal's months, and their stall
 * tables beside them); the secret in its own table.
 */
public class JdbcReleaseStore implements ReleaseStore {

    private static final TypeReference<List<PublishedMonth>> MONTHS = new TypeReference<>() {
    };
    private static final TypeReference<Map<YearMonth, Set<String>>> UNREVISED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> CASES = new TypeReference<>() {
    };
    private static final TypeReference<Map<YearMonth, PublishedMonth.StallCells>> STALLS = new TypeReference<>() {
    };
    private static final String STALLS_FIELD = "stalls";

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
                writeMonths(part.months()), write(part.unrevised()), writeStalls(part.months())}));
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
                    INSERT INTO caseload_release_tribunal (release_month, tribunal_id, months, unrevised, stalls)
                    VALUES (?, ?, ?::json, ?::json, ?::json)""", rows);
            return true;
        }));
    }

    @Override
    public List<PublishedMonth> months(Release release, String tribunalId) {
        return jdbc.query("""
                SELECT months, stalls FROM caseload_release_tribunal WHERE release_month = ? AND tribunal_id = ?""",
                (rs, row) -> readMonths(rs.getString("months"), rs.getString("stalls")), release.month().toString(),
                tribunalId).stream().findFirst().orElse(List.of());
    }

    @Override
    public TribunalRelease tribunal(Release release, String tribunalId) {
        return jdbc.query("""
                SELECT months, unrevised, stalls FROM caseload_release_tribunal
                WHERE release_month = ? AND tribunal_id = ?""",
                (rs, row) -> new TribunalRelease(readMonths(rs.getString("months"), rs.getString("stalls")),
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

    /**
     * The months as the previous release wrote and reads them: without their stall tables, which go to a column of
     * their own ({@link #writeStalls}), since that release's reader refuses a field it does not know.
     */
    private String writeMonths(List<PublishedMonth> months) {
        ArrayNode array = json.valueToTree(months);
        array.forEach(month -> ((ObjectNode) month).remove(STALLS_FIELD));
        return write(array);
    }

    /** The months' stall tables by month, or {@code null} when no month has any. */
    private String writeStalls(List<PublishedMonth> months) {
        Map<YearMonth, PublishedMonth.StallCells> stalls = new TreeMap<>();
        months.stream().filter(month -> month.stalls() != null)
              .forEach(month -> stalls.put(month.month(), month.stalls()));
        return stalls.isEmpty() ? null : write(stalls);
    }

    private List<PublishedMonth> readMonths(String months, String stalls) {
        List<PublishedMonth> read = read(months, MONTHS);
        if (stalls == null) {
            return read;
        }
        Map<YearMonth, PublishedMonth.StallCells> cells = read(stalls, STALLS);
        return read.stream().map(month -> month.withStalls(cells.get(month.month()))).toList();
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
