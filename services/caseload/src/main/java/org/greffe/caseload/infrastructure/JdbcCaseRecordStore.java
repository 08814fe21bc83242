package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.measures.CaseRecord;
import org.greffe.caseload.projection.CaseRecordStore;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Case records as JSON in {@code caseload_case}, with the tribunals each case visited beside them. */
public class JdbcCaseRecordStore implements CaseRecordStore {

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

    /** With PostgreSQL's COPY, in the current transaction: a row costs no statement and no round trip. */
    @Override
    public void insertNew(Collection<CaseRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder cases = new StringBuilder(records.size() * 512);
        StringBuilder visits = new StringBuilder(records.size() * 64);
        for (CaseRecord record : records) {
            CopyText.row(cases, record.caseId(), record.current().tribunalId(), record.offence().name(),
                    record.filedOn().toString(), Long.toString(record.lastSequence()), write(record));
            record.tribunals().forEach(tribunal -> CopyText.row(visits, tribunal, record.caseId()));
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            CopyManager copy = connection.unwrap(BaseConnection.class).getCopyAPI();
            try {
                copy.copyIn("COPY caseload_case (case_id, tribunal_id, offence, filed_on, last_sequence, record) "
                        + "FROM STDIN", new StringReader(cases.toString()));
                copy.copyIn("COPY caseload_case_tribunal (tribunal_id, case_id) FROM STDIN",
                        new StringReader(visits.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
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
        jdbc.update("UPDATE caseload_generation SET generation = generation + 1");
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
