package org.greffe.audit.infrastructure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.greffe.audit.application.ChainHash;
import org.greffe.audit.application.StoredEvent;
import org.greffe.audit.application.TreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes the sealed events as NDJSON, streamed from the database with a fetch size inside one repeatable-read
 * transaction. Each event line holds the stored fields, the raw payload and metadata in base64 (what the hash
 * covers) with their decoded JSON beside them for reading, and the link's hash and previous hash; the last line
 * names the chain head. The format is specified in docs/audit-format.md, and checked by
 * {@code tools/verifier/GreffeVerifier.java}.
 */
public class JdbcChainExporter {

    private static final String COLUMNS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                   c.hash, c.previous_hash, c.case_hash, c.case_previous_hash, l.leaf_index
            FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index
            JOIN audit_tree_leaf l ON l.global_index = c.global_index
            WHERE l.leaf_index < ?
            """;

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final JdbcMerkleTree tree;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param streaming a template with a fetch size, so that rows are streamed rather than loaded at once
     * @param snapshot  a read-only repeatable-read transaction
     * @param tree      the Merkle tree, for the proofs
     */
    public JdbcChainExporter(JdbcTemplate streaming, TransactionTemplate snapshot, JdbcMerkleTree tree) {
        this.streaming = streaming;
        this.snapshot = snapshot;
        this.tree = tree;
    }

    /** Whether the case has at least one sealed event. */
    public boolean hasSealedEvents(String caseId) {
        return Boolean.TRUE.equals(streaming.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM audit_chain WHERE aggregate_identifier = ?)", Boolean.class, caseId));
    }

    /**
     * The whole log's chain when {@code caseId} is null, else the chain of that case; with a head, only the events of
     * its tree, a case's events with their inclusion proofs, and the head (and the consistency proof from
     * {@code trustedSize}, when given) on the last line.
     */
    public void export(String caseId, TreeHead treeHead, Long trustedSize, OutputStream out) throws IOException {
        boolean perCase = caseId != null;
        String hashField = perCase ? "caseHash" : "hash";
        String previousField = perCase ? "casePreviousHash" : "previousHash";
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.setRootValueSeparator(null);
            long[] events = {0};
            String[] head = {null};
            long treeSize = treeHead == null ? Long.MAX_VALUE : treeHead.treeSize();
            List<String> consistency = new ArrayList<>();
            snapshot.executeWithoutResult(status -> {
                RowCallbackHandler row = rs -> {
                    StoredEvent event = JdbcChainSealer.event(rs);
                    String hash = ChainHash.hex(rs.getBytes(perCase ? "case_hash" : "hash"));
                    String previous = ChainHash.hex(rs.getBytes(perCase ? "case_previous_hash" : "previous_hash"));
                    write(generator, event, hashField, hash, previousField, previous, perCase && treeHead != null
                            ? new Leaf(rs.getLong("leaf_index"), ChainHash.hex(rs.getBytes("hash")),
                                       ChainHash.hex(rs.getBytes("previous_hash")))
                            : null, treeSize);
                    events[0]++;
                    head[0] = hash;
                };
                if (perCase) {
                    streaming.query(COLUMNS + "AND c.aggregate_identifier = ? ORDER BY c.global_index", row,
                            treeSize, caseId);
                } else {
                    streaming.query(COLUMNS + "ORDER BY c.global_index", row, treeSize);
                }
                if (treeHead != null && trustedSize != null) {
                    tree.consistency(trustedSize, treeSize).forEach(hash -> consistency.add(ChainHash.hex(hash)));
                }
            });
            generator.writeStartObject();
            generator.writeStringField("chain", perCase ? "case" : "log");
            if (perCase) {
                generator.writeStringField("caseId", caseId);
            }
            generator.writeNumberField("events", events[0]);
            generator.writeStringField("chainHead", head[0] == null ? ChainHash.hex(ChainHash.GENESIS) : head[0]);
            if (treeHead != null) {
                generator.writeFieldName("treeHead");
                generator.writeObject(treeHead);
                if (trustedSize != null) {
                    generator.writeObjectFieldStart("consistency");
                    generator.writeNumberField("fromSize", trustedSize);
                    generator.writeNumberField("toSize", treeSize);
                    generator.writeArrayFieldStart("proof");
                    for (String hash : consistency) {
                        generator.writeString(hash);
                    }
                    generator.writeEndArray();
                    generator.writeEndObject();
                }
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    private void write(JsonGenerator generator, StoredEvent event, String hashField, String hash,
                       String previousField, String previous, Leaf leaf, long treeSize) {
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
            if (leaf != null) {
                // The global link, the leaf's input: the verifier recomputes it from the event, then proves the leaf.
                generator.writeStringField("hash", leaf.hash());
                generator.writeStringField("previousHash", leaf.previousHash());
                generator.writeNumberField("leafIndex", leaf.index());
                generator.writeArrayFieldStart("auditPath");
                for (byte[] node : tree.inclusion(leaf.index(), treeSize)) {
                    generator.writeString(ChainHash.hex(node));
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An event's leaf in the tree.
     *
     * @param index        its leaf index
     * @param hash         hex of its global chain hash, the leaf's input
     * @param previousHash hex of the global chain hash before it
     */
    private record Leaf(long index, String hash, String previousHash) {
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
