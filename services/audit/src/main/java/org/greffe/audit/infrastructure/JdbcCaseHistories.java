package org.greffe.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.audit.application.CaseHistories;
import org.greffe.audit.application.CaseHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a case's history straight from the event table, in the case's own order. Snapshots, projections and
 * upcasters play no part: the auditor sees what was stored.
 */
@Component
public class JdbcCaseHistories implements CaseHistories {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcCaseHistories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CaseHistory> of(String caseId) {
        return jdbc.query("""
                SELECT e.sequence_number, e.global_index, e.payload_type, e.payload_revision, e.time_stamp,
                       e.payload, e.meta_data, c.case_hash, c.case_previous_hash
                FROM domain_event_entry e
                LEFT JOIN audit_chain c ON c.global_index = e.global_index
                WHERE e.aggregate_identifier = ?
                ORDER BY e.sequence_number""", (rs, row) -> {
            JsonNode payload = read(rs.getBytes("payload"));
            JsonNode metaData = read(rs.getBytes("meta_data"));
            String type = rs.getString("payload_type");
            return new CaseHistory(rs.getLong("sequence_number"), rs.getLong("global_index"),
                    type.substring(type.lastIndexOf('.') + 1), rs.getString("payload_revision"),
                    effectiveDate(payload), Instant.parse(rs.getString("time_stamp")), text(metaData, "user"),
                    text(metaData, "correlationId"), text(metaData, "idempotencyKey"), text(metaData, "source"),
                    payload, hex(rs.getBytes("case_hash")), hex(rs.getBytes("case_previous_hash")));
        }, caseId);
    }

    /** Every event type carries its legal date in one of these fields. */
    private static LocalDate effectiveDate(JsonNode payload) {
        for (String field : new String[]{"on", "filedOn", "date"}) {
            if (payload.hasNonNull(field)) {
                return LocalDate.parse(payload.get(field).asText());
            }
        }
        return null;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
