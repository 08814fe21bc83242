package org.greffe.registry.application;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns what a client chose (an {@code Idempotency-Key}, an {@code X-Correlation-Id}, the user name an identity
 * provider sent) into the form stored with the events, in a log that is sealed and exported for ever. A canonical
 * UUID holds no name and stays as it is; any other value is replaced by {@code hmac-sha256:} and the hex HMAC-SHA-256
 * of its UTF-8 bytes under a secret of this deployment. The same value always gives the same stored form, so a retry
 * finds its first answer and an auditor can tie events together; but a plain hash would let anyone holding an export
 * confirm a guessed name by hashing a dictionary, and without the secret that cannot be done. User names that are
 * already identifiers (such as {@code clerk}) stay readable: auditors need to see who recorded what.
 */
public final class ClientReferences {

    /** Starts every keyed hash, so that a stored value says what it is. */
    public static final String PREFIX = "hmac-sha256:";

    private static final int SECRET_BYTES = 32;
    private static final Pattern IDENTIFIER = Pattern.compile(Patterns.ID);

    private final SecretKeySpec key;

    /** @param secret this deployment's secret, 32 bytes from a strong random source */
    public ClientReferences(byte[] secret) {
        if (secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the secret must be " + SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The stored form of a correlation id or idempotency key the client chose. */
    public String reference(String clientValue) {
        return MetaDataKeys.isUuid(clientValue) ? clientValue : keyedHash(clientValue);
    }

    /** The stored form of a user name: itself when it is an identifier, else its keyed hash. */
    public String user(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : keyedHash(name);
    }

    /**
     * The context of a request, every value in its stored form.
     *
     * @param user           the authenticated user, or {@code anonymous}
     * @param correlationId  the client's correlation id, or one generated for the request
     * @param idempotencyKey the client's idempotency key, or {@code null}
     * @param source         {@code api}, {@code import} or {@code scenario}
     */
    public RequestContext context(String user, String correlationId, String idempotencyKey, String source) {
        return new RequestContext(user(user), reference(correlationId),
                idempotencyKey == null ? null : reference(idempotencyKey), source);
    }

    private String keyedHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
