package org.greffe.registry.application.docket;

import org.greffe.registry.model.DocketNumbers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * SHA-256 of a row's converted values in a canonical form: docket number and hearing reference normalised, whatever
 * the column order, spacing or quoting of the file. The same row imported again has the same fingerprint, and so
 * the same idempotency key: the form never changes, or files imported before an upgrade would be recorded twice.
 *
 * @param value 64 hexadecimal digits
 */
record DocketFingerprint(String value) {

    /** The canonical order of the values, which is not the file's. */
    private static final List<String> ORDER = List.of("event", "tribunalId", "docketNumber", "date", "incidentOn",
            "offence", "women", "girls", "men", "boys", "accused", "accusedGroup", "hearing", "hearingKind", "reason",
            "verdict", "toTribunalId");

    /**
     * The fingerprint of a row.
     *
     * @param values the row's converted values by column; a column left out is empty
     */
    static DocketFingerprint of(Map<String, Object> values) {
        String canonical = ORDER.stream()
                .map(column -> Objects.toString(canonical(column, values.get(column)), ""))
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new DocketFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The idempotency key of the row's command: importing the same row twice records it once. */
    String idempotencyKey() {
        return "import-" + value;
    }

    private static Object canonical(String column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column) {
            case "docketNumber" -> DocketNumbers.normalized((String) value);
            case "hearing" -> ((String) value).toUpperCase(Locale.ROOT);
            default -> value;
        };
    }
}
