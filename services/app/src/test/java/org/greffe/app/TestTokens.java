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
 * trust ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), with its issuer and the audience it
 * gives Greffe ({@code greffe.security.jwt.issuer} and {@code .audience}), and signed tokens naming a user and roles,
 * issued by {@link #ISSUER} for {@link #AUDIENCE}. Greffe verifies them exactly as it would verify a real provider's
 * tokens.
 */
public final class TestTokens {

    /** The user most tests act as: a clerk who is also an auditor, so writes and audit reads both work. */
    public static final String DEFAULT_USER = "test-clerk";
    /** The {@code iss} of every token this provider signs. */
    public static final String ISSUER = "https://id.test.invalid/realms/greffe-tests";
    /** The {@code aud} this provider puts in tokens meant for Greffe. */
    public static final String AUDIENCE = "greffe";

    private static final KeyPair KEYS = keyPair();
    private static final Path PUBLIC_KEY = publicKeyFile();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** The property value that makes Greffe trust this provider. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** The public key as PEM text, which an attacker knows too. */
    public static String publicKeyPem() {
        try {
            return Files.readString(PUBLIC_KEY, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties that make Greffe trust this provider: its key, its issuer and Greffe's audience. */
    public static Map<String, String> trustProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.public-key-location", publicKeyLocation(),
                "greffe.security.jwt.issuer", ISSUER, "greffe.security.jwt.audience", AUDIENCE);
    }

    /** The command-line arguments that make a Greffe started by a test trust this provider. */
    public static List<String> trustArguments() {
        return trustProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).sorted()
                                .toList();
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

    /**
     * A signed token with this provider's issuer and Greffe's audience, and these claims, which may replace them,
     * expiring after the given seconds (negative: already expired).
     */
    public static String token(Map<String, Object> claims, long validSeconds) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(Instant.now().minusSeconds(Math.max(0, -validSeconds) + 120)))
                .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
        claims.forEach((name, value) -> set.claim(name, value instanceof List<?> list ? List.copyOf(list) : value));
        return sign(set.build());
    }

    /** Exactly these claims, signed RS256 by this provider's key: for tokens that lack what a real one has. */
    public static String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
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
        JWTClaimsSet set = new JWTClaimsSet.Builder().subject(user).issuer(ISSUER).audience(AUDIENCE)
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
