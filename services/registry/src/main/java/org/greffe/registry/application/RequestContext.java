package org.greffe.registry.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who asks, and through what: becomes the metadata of every event the command appends.
 *
 * @param user           the authenticated user, or {@code anonymous}
 * @param correlationId  ties the events to the request (from {@code X-Correlation-Id} or generated)
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
 * @param source         {@code api}, {@code import} or {@code scenario}
 */
public record RequestContext(String user, String correlationId, String idempotencyKey, String source) {

    public RequestContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(source, "source");
    }

    /** Event metadata; the idempotency key only when one was sent. */
    public Map<String, String> metaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.USER, user);
        metaData.put(MetaDataKeys.CORRELATION_ID, correlationId);
        metaData.put(MetaDataKeys.SOURCE, source);
        if (idempotencyKey != null) {
            metaData.put(MetaDataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return metaData;
    }
}
