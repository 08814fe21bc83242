package org.greffe.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.greffe.app.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in identity provider for the tests: an RSA key pair made for this JVM, whose public half Greffe is told to
 * trust ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and signed tokens naming a user and
 * roles. Greffe verifies them exactly as it would verify a real provider's tokens.
 */
public final class TestTokens {

    /** The user most tests act as: a clerk who is also an auditor, so writes and audit reads both work. */
    public static final String DEFAULT_USER = "test-clerk";

    private static final KeyPair KEYS = keyPair();
    private static final Path PUBLIC_KEY = publicKeyFile();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** The property value that makes Greffe trust this provider. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** The command-line argument that makes a Greffe started by a test trust this provider. */
    public static String trustArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation();
    }

    /** An {@code Authorization} header value for the user with the roles, valid for an hour. */
    public static String bearer(String user, Role... roles) {
        return TOKENS.computeIfAbsent(user + Arrays.toString(roles), key -> "Bearer " + token(Map.of(
                "sub", user, "roles", Arrays.stream(roles).map(Role::name).toList()), 3600));
    }

    /** The default test user's header. */
    public static String defaultBearer() {
        return bearer(DEFAULT_USER, Role.CLERK, Role.AUDITOR);
    }

    /** A signed token with exactly these claims, expiring after the given seconds (negative: already expired). */
    public static String token(Map<String, Object> claims, long validSeconds) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issueTime(Date.from(Instant.now().minusSeconds(Math.max(0, -validSeconds) + 120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
        claims.forEach((name, value) -> set.claim(name, value instanceof List<?> list ? List.copyOf(list) : value));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token signed by another key: looks right, must be refused. */
    public static String forgedToken(String user, Role... roles) {
        KeyPair other = keyPair();
        JWTClaimsSet set = new JWTClaimsSet.Builder().subject(user)
                .claim("roles", Arrays.stream(roles).map(Role::name).toList())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set);
        try {
            jwt.sign(new RSASSASigner(other.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("greffe-test-jwt", ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
