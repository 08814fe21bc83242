package org.greffe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away identity provider: an RSA key pair whose public half the benchmarked Greffe trusts, with its issuer and
 * the audience it gives Greffe, and RS256 tokens for a user with roles. Greffe verifies them exactly as it verifies a
 * real provider's tokens.
 */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ISSUER = "https://id.bench.invalid/realms/greffe-bench";
    private static final String AUDIENCE = "greffe";

    private final KeyPair keys;
    private final Path publicKey;

    Tokens(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        publicKey = dir.resolve("bench-jwt.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** The arguments that make Greffe trust these tokens: the key, the issuer and Greffe's audience. */
    List<String> trustArguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri(),
                "--greffe.security.jwt.issuer=" + ISSUER, "--greffe.security.jwt.audience=" + AUDIENCE);
    }

    /** {@code Bearer …} for the user with the roles, valid for a day. */
    String bearer(String user, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = URL.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + user
                + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"],\"iat\":" + (now - 60) + ",\"exp\":"
                + (now + 86_400) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + claims + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
