package org.greffe.audit.application;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a case's history, as stored: what happened (type, effective date, payload), who recorded it when and
 * how (metadata, recorded time), where it sits in the log, and its links in the case's hash chain once sealed.
 *
 * @param sequence       position in the case's own stream, from 0
 * @param globalPosition position in the whole event log
 * @param type           event type, e.g. {@code HearingAdjourned}
 * @param revision       stored revision of the event's format
 * @param effectiveDate  the legal date of the event
 * @param recordedAt     when the registry recorded it
 * @param recordedBy     the user who recorded it
 * @param correlationId  ties it to the request or import that recorded it
 * @param idempotencyKey the client's idempotency key, or {@code null}
 * @param source         {@code api}, {@code import} or {@code scenario}
 * @param payload        the stored payload
 * @param hash           the event's link in the case's hash chain (hex), {@code null} until sealed
 * @param previousHash   the previous link of the case's chain (hex), {@code null} until sealed
 */
public record CaseHistory(long sequence, long globalPosition, String type, String revision, LocalDate effectiveDate,
                          Instant recordedAt, String recordedBy, String correlationId, String idempotencyKey,
                          String source, JsonNode payload, String hash, String previousHash) {
}
