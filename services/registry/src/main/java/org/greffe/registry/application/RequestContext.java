package org.greffe.registry.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who asks, and through what: becomes the metadata of every event the command appends, so every value is already in
 * the form the log may keep for ever. Values a client chose reach it through {@link ClientReferences}; anything else
 * is refused here, so that no door can put free text into the metadata.
 *
 * @param user           the user: an identifier, or the keyed hash of a name that is not one
 * @param correlationId  ties the events to the request: a UUID, an {@code import-} key or a keyed hash
 * @param idempotencyKey the request's idempotency key in the same forms, or {@code null}
 * @param source         {@code api}, {@code import} or {@code scenario}
 */
public record RequestContext(String user, String correlationId, String idempotencyKey, String source) {

    public RequestContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(source, "source");
        if (!MetaDataKeys.isStoredUser(user)) {
            throw new IllegalArgumentException("user must be an identifier or a keyed hash (see ClientReferences)");
        }
        if (!MetaDataKeys.isStoredReference(correlationId)) {
            throw new IllegalArgumentException("correlationId must be a UUID, an import key or a keyed hash "
                    + "(see ClientReferences)");
        }
        if (idempotencyKey != null && !MetaDataKeys.isStoredReference(idempotencyKey)) {
            throw new IllegalArgumentException("idempotencyKey must be a UUID, an import key or a keyed hash "
                    + "(see ClientReferences)");
        }
        if (!MetaDataKeys.SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + MetaDataKeys.SOURCES);
        }
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
