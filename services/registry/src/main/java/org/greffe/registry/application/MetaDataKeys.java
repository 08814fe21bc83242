package org.greffe.registry.application;

import java.util.List;

/** The metadata keys every event of the registry carries; auditors read them back from the log. */
public final class MetaDataKeys {

    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String SOURCE = "source";

    /** All of them, for the correlation-data provider that copies them from command to events. */
    public static final List<String> ALL = List.of(USER, CORRELATION_ID, IDEMPOTENCY_KEY, SOURCE);

    private MetaDataKeys() {
    }
}
