package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.Stalls;
import org.greffe.caseload.projection.CaseRecordStore;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Case records as JSON in {@code caseload_case}, with the tribunals each case visited beside them. */
public class JdbcCaseRecordStore implements CaseRecordStore {

    /**
     * Reads the tables' generation: {@link #deleteAll} moves it on, so a rebuild's tables never pass for the old ones.
     */
    public static final String GENERATION_QUERY = "SELECT generation FROM caseload_generation";

    private static final Logger log = LoggerFactory.getLogger(JdbcCaseRecordStore.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<CaseRecord> rows;

    public JdbcCaseRecordStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, row) -> read(rs.getString("record"));
    }

    @Override
    public Map<String, CaseRecord> load(Collection<String> caseIds) {
        Map<String, CaseRecord> records = new HashMap<>();
        if (caseIds.isEmpty()) {
            return records;
        }
        List<CaseRecord> found = jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT record FROM caseload_case WHERE case_id = ANY (?)");
            Array ids = connection.createArrayOf("varchar", caseIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rows);
        found.forEach(record -> records.put(record.caseId(), record));
        return records;
    }

    @Override
    public void save(Collection<CaseRecord> records) {
        List<Object[]> cases = new ArrayList<>(records.size());
        List<Object[]> visits = new ArrayList<>();
        for (CaseRecord record : records) {
            cases.add(new Object[]{record.caseId(), record.current().tribunalId(), record.offence().name(),
                    record.filedOn(), record.lastSequence(), write(record)});
            record.tribunals().forEach(tribunal -> visits.add(new Object[]{tribunal, record.caseId()}));
        }
        // Only a newer fold replaces a stored one: a replayed batch can never move a record backwards.
        jdbc.batchUpdate("""
                INSERT INTO caseload_case (case_id, tribunal_id, offence, filed_on, last_sequence, record)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (case_id) DO UPDATE SET tribunal_id = EXCLUDED.tribunal_id,
                    last_sequence = EXCLUDED.last_sequence, record = EXCLUDED.record
                WHERE caseload_case.last_sequence < EXCLUDED.last_sequence""", cases);
        jdbc.batchUpdate("""
                INSERT INTO caseload_case_tribunal (tribunal_id, case_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING""", visits);
    }

    /**
     * With PostgreSQL's COPY on the current transaction's connection. Records stream to the server as they come, so
     * that it stores them while the caller folds the next ones; the visits follow in a second COPY at the end.
     */
    @Override
    public BulkWriter bulkWriter() {
        return new CopyWriter(jdbc.getDataSource());
    }

    /** One COPY of records, streamed in chunks, then one COPY of their visits. */
    private final class CopyWriter implements BulkWriter {

        private static final int FLUSH_CHARS = 1 << 16;

        private final DataSource dataSource;
        private final Connection connection;
        private final CopyIn cases;
        private final StringBuilder pending = new StringBuilder(FLUSH_CHARS * 2);
        private final StringBuilder visits = new StringBuilder();
        private boolean finished;

        CopyWriter(DataSource dataSource) {
            this.dataSource = dataSource;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                this.cases = connection.unwrap(BaseConnection.class).getCopyAPI().copyIn(
                        "COPY caseload_case (case_id, tribunal_id, offence, filed_on, last_sequence, record) "
                                + "FROM STDIN");
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("cannot start writing case records: " + e.getMessage(), e);
            }
        }

        @Override
        public void add(CaseRecord record) {
            CopyText.row(pending, record.caseId(), record.current().tribunalId(), record.offence().name(),
                    record.filedOn().toString(), Long.toString(record.lastSequence()), write(record));
            record.tribunals().forEach(tribunal -> CopyText.row(visits, tribunal, record.caseId()));
            if (pending.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        @Override
        public void finish() {
            flush();
            try {
                cases.endCopy();
                finished = true;
                connection.unwrap(BaseConnection.class).getCopyAPI().copyIn(
                        "COPY caseload_case_tribunal (tribunal_id, case_id) FROM STDIN",
                        new StringReader(visits.toString()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot write case records: " + e.getMessage(), e);
            }
        }

        private void flush() {
            byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            pending.setLength(0);
            try {
                cases.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write case records: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!finished && cases.isActive()) {
                    cases.cancelCopy();
                }
            } catch (SQLException e) {
                // The transaction rolls back anyway; nothing of this writer is kept.
                log.debug("cancelling the copy of case records failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    @Override
    public List<CaseRecord> atTribunal(String tribunalId) {
        return jdbc.query("""
                SELECT c.record FROM caseload_case c
                JOIN caseload_case_tribunal t ON t.case_id = c.case_id
                WHERE t.tribunal_id = ?""", rows, tribunalId);
    }

    @Override
    public List<CaseRecord> all() {
        return jdbc.query("SELECT record FROM caseload_case", rows);
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM caseload_case_tribunal");
        jdbc.update("DELETE FROM caseload_case");
        jdbc.update("UPDATE caseload_generation SET generation = generation + 1, definitions = ?",
                Stalls.DEFINITIONS);
    }

    @Override
    public int definitions() {
        Integer definitions = jdbc.queryForObject("SELECT definitions FROM caseload_generation", Integer.class);
        return definitions == null ? 0 : definitions;
    }


    private String write(CaseRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case record " + record.caseId() + " cannot be written", e);
        }
    }

    private CaseRecord read(String text) {
        try {
            return json.readValue(text, CaseRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case record cannot be read", e);
        }
    }
}
