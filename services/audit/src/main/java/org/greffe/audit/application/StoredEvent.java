package org.greffe.audit.application;

/**
 * One row of {@code domain_event_entry} exactly as stored: the chain seals these bytes, not a re-serialisation, so
 * that anyone holding the raw rows can recompute it.
 *
 * @param globalIndex         {@code global_index}, the event's position in the whole log
 * @param eventIdentifier     {@code event_identifier}
 * @param aggregateIdentifier {@code aggregate_identifier}, the case id
 * @param sequenceNumber      {@code sequence_number} within the case
 * @param type                {@code type}, the aggregate type (may be null)
 * @param payloadType         {@code payload_type}
 * @param payloadRevision     {@code payload_revision} (may be null)
 * @param timestamp           {@code time_stamp}, the recorded time as stored (ISO-8601 text)
 * @param payload             the raw {@code payload} bytes
 * @param metaData            the raw {@code meta_data} bytes (may be null)
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, String timestamp, byte[] payload,
                          byte[] metaData) {
}
