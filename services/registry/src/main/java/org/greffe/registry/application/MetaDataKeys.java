package org.greffe.registry.application;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata keys every event of the registry carries, and the only shapes their values take. Auditors read them
 * back from the log, which keeps them for ever: none of them is text a client chose (see {@link ClientReferences}).
 */
public final class MetaDataKeys {

    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String SOURCE = "source";

    /** All of them, for the correlation-data provider that copies them from command to events. */
    public static final List<String> ALL = List.of(USER, CORRELATION_ID, IDEMPOTENCY_KEY, SOURCE);

    /** The doors an event comes through. */
    public static final Set<String> SOURCES = Set.of("api", "import", "scenario");

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern IMPORT_KEY = Pattern.compile("import-[0-9a-f]{64}");
    private static final Pattern KEYED_HASH = Pattern.compile(ClientReferences.PREFIX + "[0-9a-f]{64}");
    private static final Pattern IDENTIFIER = Pattern.compile(Patterns.ID);

    private MetaDataKeys() {
    }

    /** A canonical UUID: lower-case hexadecimal in the 8-4-4-4-12 groups. */
    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /**
     * A stored correlation id or idempotency key: a canonical UUID, a docket row's {@code import-<SHA-256>} or a
     * client's value replaced by its keyed hash.
     */
    public static boolean isStoredReference(String value) {
        return isUuid(value) || value != null
                && (IMPORT_KEY.matcher(value).matches() || KEYED_HASH.matcher(value).matches());
    }

    /** A stored user: an identifier such as {@code clerk} or {@code cli:greffe}, or a keyed hash. */
    public static boolean isStoredUser(String value) {
        return value != null && (IDENTIFIER.matcher(value).matches() || KEYED_HASH.matcher(value).matches());
    }
}
