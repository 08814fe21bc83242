package org.greffe.registry.infrastructure;

import org.greffe.registry.application.docket.ImportJobStore;
import org.greffe.registry.application.docket.ImportReport;
import org.greffe.registry.application.docket.ImportSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Import jobs in {@code registry_import_job}, each statement in a transaction of its own. */
public class JdbcImportJobStore implements ImportJobStore {

    private final JdbcTemplate jdbc;

    public JdbcImportJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void started(UUID id, ImportSource source, String instanceId, int rows, Instant at) {
        jdbc.update("""
                INSERT INTO registry_import_job (job_id, file_label, user_ref, instance_id, state, rows_total,
                                                 started_at, heartbeat_at)
                VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)""", id, source.label(), source.user(), instanceId, rows,
                Timestamp.from(at), Timestamp.from(at));
    }

    @Override
    public void progressed(UUID id, ImportReport soFar, Instant at) {
        jdbc.update("""
                UPDATE registry_import_job SET rows_done = ?, accepted = ?, already_imported = ?, rejected = ?,
                                               heartbeat_at = ?
                WHERE job_id = ? AND state = 'RUNNING'""", soFar.rows(), soFar.accepted(), soFar.alreadyImported(),
                soFar.rejectedTotal(), Timestamp.from(at), id);
    }

    @Override
    public void ended(UUID id, ImportReport report, String error, Instant at) {
        jdbc.update("""
                UPDATE registry_import_job SET state = ?, rows_done = ?, accepted = ?, already_imported = ?,
                                               rejected = ?, error = ?, heartbeat_at = ?, finished_at = ?
                WHERE job_id = ?""", error == null ? "DONE" : "FAILED", report.rows(), report.accepted(),
                report.alreadyImported(), report.rejectedTotal(),
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), Timestamp.from(at),
                Timestamp.from(at), id);
    }

    @Override
    public void heartbeat(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "UPDATE registry_import_job SET heartbeat_at = ? WHERE job_id = ANY (?) AND state = 'RUNNING'");
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            return statement;
        });
    }

    @Override
    public Optional<Stored> find(UUID id) {
        return jdbc.query("""
                SELECT job_id, file_label, state, rows_total, rows_done, accepted, already_imported, rejected, error,
                       started_at, heartbeat_at, finished_at
                FROM registry_import_job WHERE job_id = ?""", (rs, row) -> new Stored(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()), id).stream().findFirst();
    }
}
