package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AccessChainHash;
import org.greffe.audit.application.AccessEntry;
import org.greffe.audit.application.AccessLog;
import org.greffe.audit.application.AccessLogVerification;
import org.greffe.audit.application.AccessLogVerification.BrokenEntry;
import org.greffe.audit.application.ChainHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The access log in table {@code access_log}, chained entry to entry, and the outcomes of the accesses in
 * {@code access_log_outcome}. Each write commits on its own (auto-commit), before the read it describes is served.
 * PostgreSQL links each entry to the one before it as it is inserted (the trigger {@code access_log_chain}, under a
 * lock, so that concurrent writers line up), and triggers keep rows from being changed or deleted afterwards; the
 * verification recomputes the links with {@link AccessChainHash}.
 */
class JdbcAccessLog implements AccessLog {

    private static final String COLUMNS = "a.id, a.at, a.user_name, a.roles, a.method, a.path, a.operation, "
            + "a.case_id, a.tribunal_id, a.client";
    private static final RowMapper<AccessEntry> ENTRY = (rs, row) -> entry(rs, (Integer) rs.getObject("status"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;

    /**
     * @param streaming a template with a fetch size, to walk the whole log
     * @param snapshot  a read-only repeatable-read transaction
     */
    JdbcAccessLog(JdbcTemplate jdbc, JdbcTemplate streaming, TransactionTemplate snapshot) {
        this.jdbc = jdbc;
        this.streaming = streaming;
        this.snapshot = snapshot;
    }

    @Override
    public long record(AccessEntry entry) {
        Long id = jdbc.queryForObject("""
                INSERT INTO access_log (at, user_name, roles, method, path, operation, case_id, tribunal_id, client)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                Timestamp.from(entry.at()), cut(entry.user(), 200), cut(entry.roles(), 200), cut(entry.method(), 10),
                cut(entry.path(), 600), cut(entry.operation(), 40), cut(entry.caseId(), 64),
                cut(entry.tribunalId(), 64), cut(entry.client(), 300));
        if (id == null) {
            throw new IllegalStateException("the access log returned no id");
        }
        return id;
    }

    @Override
    public void complete(long id, int status) {
        // An outcome already there was not written by this call: never silently kept in place of the real one.
        int written = jdbc.update("INSERT INTO access_log_outcome (access_log_id, status) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", id, status);
        if (written == 0) {
            Integer recorded = jdbc.query("SELECT status FROM access_log_outcome WHERE access_log_id = ?",
                    rs -> rs.next() ? rs.getInt(1) : null, id);
            throw new IllegalStateException("the outcome of access log entry " + id + " was already recorded as "
                    + recorded + " before the answer (" + status + ") was complete: someone wrote it ahead; "
                    + "examine access_log_outcome");
        }
    }

    @Override
    public List<AccessEntry> find(Query query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", o.status FROM access_log a "
                + "LEFT JOIN access_log_outcome o ON o.access_log_id = a.id WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (query.user() != null) {
            sql.append(" AND a.user_name = ?");
            arguments.add(query.user());
        }
        if (query.caseId() != null) {
            sql.append(" AND a.case_id = ?");
            arguments.add(query.caseId());
        }
        if (query.from() != null) {
            sql.append(" AND a.at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND a.at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        if (query.before() != null) {
            sql.append(" AND a.id < ?");
            arguments.add(query.before());
        }
        sql.append(" ORDER BY a.id DESC LIMIT ?");
        arguments.add(query.limit());
        return jdbc.query(sql.toString(), ENTRY, arguments.toArray());
    }

    @Override
    public AccessLogVerification verify() {
        return snapshot.execute(status -> {
            Walk walk = new Walk();
            try {
                streaming.query("SELECT " + COLUMNS + ", a.previous_hash, a.hash FROM access_log a ORDER BY a.id",
                        rs -> {
                            walk.broken = check(rs, walk);
                            if (walk.broken != null) {
                                throw new Stop();
                            }
                        });
            } catch (Stop stop) {
                // the first broken entry is found; the rest of the log is not read
            }
            Long headId = jdbc.query("SELECT id FROM access_log ORDER BY id DESC LIMIT 1",
                    rs -> rs.next() ? rs.getLong(1) : null);
            String head = headId == null ? null : ChainHash.hex(jdbc.queryForObject(
                    "SELECT hash FROM access_log WHERE id = ?", byte[].class, headId));
            return new AccessLogVerification(walk.broken == null, walk.checked, headId, head, walk.broken);
        });
    }

    private BrokenEntry check(ResultSet rs, Walk walk) throws SQLException {
        AccessEntry entry = entry(rs, null);
        byte[] previous = rs.getBytes("previous_hash");
        byte[] hash = rs.getBytes("hash");
        if (previous == null || previous.length != 32 || hash == null
                || !Arrays.equals(AccessChainHash.hash(entry, previous), hash)) {
            return new BrokenEntry(entry.id(), "entry altered: entry " + entry.id() + " no longer matches the hash "
                    + "it was chained with (its id, time, user, roles, request, case, tribunal or client changed, "
                    + "or its link was rewritten)");
        }
        if (!Arrays.equals(previous, walk.previous)) {
            return unlinked(entry.id(), previous, walk);
        }
        walk.previous = hash;
        walk.previousId = entry.id();
        walk.checked++;
        return null;
    }

    /** Names what happened before entry {@code id}, which is not chained to the entry before it. */
    private BrokenEntry unlinked(long id, byte[] previous, Walk walk) {
        String before = walk.previousId == null ? "the start of the log" : "entry " + walk.previousId;
        // An entry slipped in with a link of its own: a later entry is still chained to the one before it.
        List<Long> chainedToBefore = jdbc.queryForList("SELECT id FROM access_log WHERE previous_hash = ? AND id > ? "
                + "ORDER BY id LIMIT 1", Long.class, walk.previous, id);
        if (!chainedToBefore.isEmpty()) {
            return new BrokenEntry(id, "entry inserted: entry " + id + " stands between " + before + " and entry "
                    + chainedToBefore.get(0) + ", which were chained to each other");
        }
        // Entries slipped in with well-computed links: this entry is still chained to an entry before them.
        List<Long> chainedTo = jdbc.queryForList("SELECT id FROM access_log WHERE hash = ? AND id < ? "
                + "ORDER BY id DESC LIMIT 1", Long.class, previous, id);
        if (!chainedTo.isEmpty()) {
            long first = jdbc.queryForObject("SELECT min(id) FROM access_log WHERE id > ?", Long.class,
                    chainedTo.get(0));
            long inserted = jdbc.queryForObject("SELECT count(*) FROM access_log WHERE id > ? AND id < ?",
                    Long.class, chainedTo.get(0), id);
            walk.checked -= inserted;
            return new BrokenEntry(first, "entry inserted: " + (inserted == 1 ? "entry " + first + " stands"
                    : inserted + " entries from " + first + " stand") + " between entries " + chainedTo.get(0)
                    + " and " + id + ", which were chained to each other");
        }
        return new BrokenEntry(id, "entry deleted: entry " + id + " was chained to an entry that is no longer in "
                + "the log, after " + before);
    }

    private static AccessEntry entry(ResultSet rs, Integer status) throws SQLException {
        return new AccessEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("user_name"), rs.getString("roles"), rs.getString("method"), rs.getString("path"),
                rs.getString("operation"), rs.getString("case_id"), rs.getString("tribunal_id"),
                rs.getString("client"), status);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** Ends the streaming at the first broken entry. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The state carried along the chain. */
    private static final class Walk {
        private byte[] previous = ChainHash.GENESIS;
        private Long previousId;
        private long checked;
        private BrokenEntry broken;
    }
}
