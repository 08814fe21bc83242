package org.greffe.app.integrity;

import org.greffe.audit.application.CanonicalBytes;
import org.greffe.audit.application.StoredEvent;

import javax.crypto.Mac;
import java.security.GeneralSecurityException;

/**
 * The keyed authentication code of a stored event (specified in docs/audit-format.md): HMAC-SHA-256 with an
 * {@link AppendKeys.Key} over these fields, in this order, each self-delimiting as in the hash chain
 * ({@link CanonicalBytes}: a text or byte field is its length as 4 bytes, signed big-endian, then its bytes, null
 * being the length -1; a number is 8 bytes, signed big-endian):
 * <ol>
 *   <li>the tag {@code greffe-append-v1}, then the key's id: text;</li>
 *   <li>{@code event_identifier}, {@code aggregate_identifier}: text;</li>
 *   <li>{@code sequence_number}: a number;</li>
 *   <li>{@code type}, {@code payload_type}, {@code payload_revision}, {@code time_stamp}: text, as stored;</li>
 *   <li>{@code payload}, {@code meta_data}: the stored bytes.</li>
 * </ol>
 * The global index is not covered: it is handed out by the database as the row is inserted, and the chain seals it.
 * Only Greffe can make or check a code, since only it holds the key; the layout is public all the same, so that
 * anyone given the key (an auditor at an inquiry) can check the codes without Greffe.
 */
public final class EventAuthenticationCode {

    /** Names the layout: a future layout gets a new tag. */
    public static final String TAG = "greffe-append-v1";

    private EventAuthenticationCode() {
    }

    /** The code of the event's stored fields. */
    public static byte[] of(AppendKeys.Key key, StoredEvent event) {
        return of(key, event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(), event.type(),
                event.payloadType(), event.payloadRevision(), event.timestamp(), event.payload(), event.metaData());
    }

    /** The code of these fields, exactly as the event table stores them. */
    public static byte[] of(AppendKeys.Key key, String eventIdentifier, String aggregateIdentifier,
                            long sequenceNumber, String type, String payloadType, String payloadRevision,
                            String timestamp, byte[] payload, byte[] metaData) {
        byte[] fields = new CanonicalBytes(256 + (payload == null ? 0 : payload.length)
                + (metaData == null ? 0 : metaData.length))
                .text(TAG)
                .text(key.id())
                .text(eventIdentifier)
                .text(aggregateIdentifier)
                .number(sequenceNumber)
                .text(type)
                .text(payloadType)
                .text(payloadRevision)
                .text(timestamp)
                .bytes(payload)
                .bytes(metaData)
                .toByteArray();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret());
            return mac.doFinal(fields);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }
}
