package org.greffe.audit.infrastructure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Writes the sealed events as NDJSON, streamed from the database with a fetch size inside one repeatable-read
 * transaction. Each event line holds the stored fields, the raw payload and metadata in base64 (what the hash
 * covers) with their decoded JSON beside them for reading, and the link's hash and previous hash; the last line
 * names the chain head. The format is described in the README, and checked by
 * {@code tools/verifier/GreffeVerifier.java}.
 */
public class JdbcChainExporter {

    private static final String COLUMNS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   c.hash, c.previous_hash, c.case_hash, c.case_previous_hash
            FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index
            """;

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param streaming a template with a fetch size, so that rows are streamed rather than loaded at once
     * @param snapshot  a read-only repeatable-read transaction
     */
    public JdbcChainExporter(JdbcTemplate streaming, TransactionTemplate snapshot) {
        this.streaming = streaming;
        this.snapshot = snapshot;
    }

    /** Whether the case has at least one sealed event. */
    public boolean hasSealedEvents(String caseId) {
        return Boolean.TRUE.equals(streaming.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM audit_chain WHERE aggregate_identifier = ?)", Boolean.class, caseId));
    }

    /** The whole log's chain when {@code caseId} is null, else the chain of that case. */
    public void export(String caseId, OutputStream out) throws IOException {
        boolean perCase = caseId != null;
        String hashField = perCase ? "caseHash" : "hash";
        String previousField = perCase ? "casePreviousHash" : "previousHash";
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.setRootValueSeparator(null);
            long[] events = {0};
            String[] head = {null};
            snapshot.executeWithoutResult(status -> {
                RowCallbackHandler row = rs -> {
                    StoredEvent event = JdbcChainSealer.event(rs);
                    String hash = ChainHash.hex(rs.getBytes(perCase ? "case_hash" : "hash"));
                    String previous = ChainHash.hex(rs.getBytes(perCase ? "case_previous_hash" : "previous_hash"));
                    write(generator, event, hashField, hash, previousField, previous);
                    events[0]++;
                    head[0] = hash;
                };
                if (perCase) {
                    streaming.query(COLUMNS + "WHERE c.aggregate_identifier = ? ORDER BY c.global_index", row,
                            caseId);
                } else {
                    streaming.query(COLUMNS + "ORDER BY c.global_index", row);
                }
            });
            generator.writeStartObject();
            generator.writeStringField("chain", perCase ? "case" : "log");
            if (perCase) {
                generator.writeStringField("caseId", caseId);
            }
            generator.writeNumberField("events", events[0]);
            generator.writeStringField("chainHead", head[0] == null ? ChainHash.hex(ChainHash.GENESIS) : head[0]);
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private void write(JsonGenerator generator, StoredEvent event, String hashField, String hash,
                       String previousField, String previous) {
        try {
            generator.writeStartObject();
            generator.writeNumberField("globalPosition", event.globalIndex());
            generator.writeStringField("eventIdentifier", event.eventIdentifier());
            generator.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
            generator.writeNumberField("sequenceNumber", event.sequenceNumber());
            generator.writeStringField("type", event.type());
            generator.writeStringField("payloadType", event.payloadType());
            generator.writeStringField("payloadRevision", event.payloadRevision());
            generator.writeStringField("timestamp", event.timestamp());
            generator.writeStringField("payload", Base64.getEncoder().encodeToString(event.payload()));
            generator.writeFieldName("payloadJson");
            generator.writeTree(readable(event.payload()));
            generator.writeStringField("metaData",
                    event.metaData() == null ? null : Base64.getEncoder().encodeToString(event.metaData()));
            generator.writeFieldName("metaDataJson");
            generator.writeTree(readable(event.metaData()));
            generator.writeStringField(hashField, hash);
            generator.writeStringField(previousField, previous);
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded JSON, for reading only; null when the stored bytes are not JSON (the base64 is what counts). */
    private JsonNode readable(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }
}
