package org.greffe.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens are bound to this Greffe, played from the attacker's side through HTTP: a token the identity provider
 * signed for another application, or by another issuer, or without an audience or an expiry, or outside its validity,
 * or signed by another key, or not signed at all, or signed with HMAC using the provider's public key as the secret,
 * is refused with 401 problem+json; so is a token whose user claim is free text. The same token done right passes.
 */
class TokenBindingIntegrationTest extends IntegrationTest {

    private static final String AUDITED = "/api/audit/access";

    private static JWTClaimsSet.Builder auditor() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("auditor-7").claim("roles", List.of("AUDITOR"))
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String bearer(JWTClaimsSet.Builder claims) {
        return "Bearer " + TestTokens.sign(claims.build());
    }

    @Test
    void aTokenIssuedForGreffeByItsIssuerIsAccepted() {
        assertThat(get(AUDITED, "Authorization", bearer(auditor())).status()).isEqualTo(200);
        assertThat(get(AUDITED, "Authorization", bearer(auditor().audience(List.of("dashboard", "greffe"))))
                .status()).as("one audience among several").isEqualTo(200);
    }

    @Test
    void everyTokenNotBoundToGreffeOrNotValidNowIsRefusedWith401() throws JOSEException {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("for another application", bearer(auditor().audience("case-management")));
        tokens.put("from another issuer", bearer(auditor().issuer("https://id.test.invalid/realms/other")));
        tokens.put("without an audience", bearer(auditor().audience((String) null)));
        tokens.put("without an issuer", bearer(auditor().issuer(null)));
        tokens.put("without an expiry", bearer(auditor().expirationTime(null)));
        tokens.put("expired", bearer(auditor().expirationTime(Date.from(now.minusSeconds(600)))));
        tokens.put("not valid yet", bearer(auditor().notBeforeTime(Date.from(now.plusSeconds(600)))));
        tokens.put("signed by an unknown key", "Bearer " + TestTokens.forgedToken("mallory", Role.AUDITOR));
        tokens.put("alg none", "Bearer " + new PlainJWT(auditor().build()).serialize());
        tokens.put("HS256 keyed with the public key's PEM text",
                "Bearer " + hmac(TestTokens.publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
        tokens.put("HS256 keyed with the public key's DER bytes", "Bearer " + hmac(Base64.getMimeDecoder().decode(
                TestTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", ""))));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Response response = get(AUDITED, "Authorization", token.getValue());
            assertThat(response.status()).as(token.getKey()).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(token.getKey()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("urn:greffe:problem:unauthenticated");
            assertThat(response.header("WWW-Authenticate")).as(token.getKey()).contains("invalid_token");
        }
    }

    @Test
    void aUserClaimThatIsFreeTextIsRefusedAndNothingIsRecorded() {
        long events = eventCount();
        String named = bearer(auditor().subject("Aminata Traore").claim("roles", List.of("CLERK")));
        Response response = post("/api/cases", fileCaseJson(newDocket(), "kayes", "2020-01-02"),
                "Authorization", named);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText())
                .contains("user claim (sub) is not an identifier")
                .contains("set greffe.security.jwt.user-claim to an identifier claim such as sub")
                .doesNotContain("Aminata");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(meta_data, "
                + "'UTF8') LIKE '%Aminata%'", Long.class)).isZero();
    }

    private static String hmac(byte[] secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), auditor().build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
