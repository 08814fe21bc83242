package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AccessEntry;
import org.greffe.audit.application.AccessLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The access log in table {@code access_log}. Each write commits on its own (auto-commit), before the read it
 * describes is served; a trigger keeps rows from being changed or deleted afterwards.
 */
class JdbcAccessLog implements AccessLog {

    private static final RowMapper<AccessEntry> ENTRY = (rs, row) -> new AccessEntry(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("user_name"), rs.getString("roles"),
            rs.getString("method"), rs.getString("path"), rs.getString("operation"), rs.getString("case_id"),
            rs.getString("tribunal_id"), rs.getString("client"), (Integer) rs.getObject("status"));

    private final JdbcTemplate jdbc;

    JdbcAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        jdbc.update("UPDATE access_log SET status = ? WHERE id = ? AND status IS NULL", status, id);
    }

    @Override
    public List<AccessEntry> find(Query query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (query.user() != null) {
            sql.append(" AND user_name = ?");
            arguments.add(query.user());
        }
        if (query.caseId() != null) {
            sql.append(" AND case_id = ?");
            arguments.add(query.caseId());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            arguments.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            arguments.add(Timestamp.from(query.to()));
        }
        if (query.before() != null) {
            sql.append(" AND id < ?");
            arguments.add(query.before());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        arguments.add(query.limit());
        return jdbc.query(sql.toString(), ENTRY, arguments.toArray());
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
