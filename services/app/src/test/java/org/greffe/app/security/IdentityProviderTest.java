package org.greffe.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which sign-in settings Greffe starts with, and what it says when it will not. */
class IdentityProviderTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    private static final String ISSUER = "https://id.example.org/realms/justice";

    private static IdentityProvider provider(Map<String, String> properties, String issuer, String audience) {
        MockEnvironment environment = new MockEnvironment();
        properties.forEach(environment::setProperty);
        return IdentityProvider.from(environment, new SecurityProperties.Jwt("roles", "sub", Map.of(), issuer,
                audience));
    }

    @Test
    void demoModeWithAnyKeySourceRefusesToStartAndNamesIt() {
        for (String source : List.of("issuer-uri", "jwk-set-uri", "public-key-location")) {
            assertThatThrownBy(() -> provider(Map.of(JWT + source, "https://id.example.org/x"), null, null)
                    .check(true))
                    .as(source)
                    .isInstanceOf(SignInMisconfigured.class)
                    .hasMessageStartingWith("Demo mode and an identity provider cannot be used together")
                    .hasMessageContaining("GREFFE_DEMO=false")
                    .hasMessageContaining("remove " + JWT + source);
        }
    }

    @Test
    void demoModeWithoutAKeySourceStartsAndABlankOneCountsAsNone() {
        assertThatCode(() -> provider(Map.of(), null, null).check(true)).doesNotThrowAnyException();
        assertThatCode(() -> provider(Map.of(JWT + "issuer-uri", " "), null, null).check(true))
                .doesNotThrowAnyException();
    }

    @Test
    void outsideDemoModeAKeySourceIsRequired() {
        assertThatThrownBy(() -> provider(Map.of(), ISSUER, "greffe").check(false))
                .isInstanceOf(SignInMisconfigured.class)
                .hasMessageStartingWith("Greffe has no way to sign users in")
                .hasMessageContaining(JWT + "issuer-uri").hasMessageContaining("greffe.security.jwt.audience");
    }

    @Test
    void everyKeySourceNeedsTheIssuerAndTheAudience() {
        for (String source : List.of("jwk-set-uri", "public-key-location")) {
            Map<String, String> key = Map.of(JWT + source, "https://id.example.org/keys");
            assertThatThrownBy(() -> provider(key, null, null).check(false)).as(source)
                    .isInstanceOf(SignInMisconfigured.class)
                    .hasMessageStartingWith("Bearer tokens must be bound to this Greffe")
                    .hasMessageContaining("greffe.security.jwt.issuer (GREFFE_SECURITY_JWT_ISSUER)")
                    .hasMessageContaining("greffe.security.jwt.audience (GREFFE_SECURITY_JWT_AUDIENCE)");
            assertThatThrownBy(() -> provider(key, ISSUER, null).check(false)).as(source)
                    .hasMessageContaining("greffe.security.jwt.audience")
                    .hasMessageNotContaining("greffe.security.jwt.issuer (");
            assertThatThrownBy(() -> provider(key, null, "greffe").check(false)).as(source)
                    .hasMessageContaining("greffe.security.jwt.issuer (")
                    .hasMessageNotContaining("greffe.security.jwt.audience");
            assertThatCode(() -> provider(key, ISSUER, "greffe").check(false)).doesNotThrowAnyException();
        }
    }

    @Test
    void theIssuerUriIsTheIssuerUnlessAnotherIsSetWhichIsRefused() {
        IdentityProvider byUri = provider(Map.of(JWT + "issuer-uri", ISSUER), null, "greffe");
        assertThatCode(() -> byUri.check(false)).doesNotThrowAnyException();
        assertThat(byUri.expectedIssuer()).isEqualTo(ISSUER);
        assertThatThrownBy(() -> provider(Map.of(JWT + "issuer-uri", ISSUER), ISSUER + "/other", "greffe")
                .check(false)).hasMessageContaining("differ");
        assertThatThrownBy(() -> provider(Map.of(JWT + "issuer-uri", ISSUER), null, null).check(false))
                .hasMessageContaining("greffe.security.jwt.audience");
    }

    @Test
    void onlyAsymmetricAlgorithmsAreAccepted() {
        Map<String, String> jwks = Map.of(JWT + "jwk-set-uri", "https://id.example.org/keys");
        for (String algorithm : List.of("HS256", "HS512", "none", "RS256,HS256")) {
            Map<String, String> settings = new java.util.HashMap<>(jwks);
            settings.put(JWT + "jws-algorithms", algorithm);
            assertThatThrownBy(() -> provider(settings, ISSUER, "greffe").check(false)).as(algorithm)
                    .isInstanceOf(SignInMisconfigured.class)
                    .hasMessageContaining("only asymmetric signature algorithms");
        }
        Map<String, String> both = new java.util.HashMap<>(jwks);
        both.put(JWT + "jws-algorithms", "RS256,ES256");
        IdentityProvider provider = provider(both, ISSUER, "greffe");
        assertThatCode(() -> provider.check(false)).doesNotThrowAnyException();
        assertThat(provider.signatureAlgorithms()).containsExactly(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);
        assertThat(provider(jwks, ISSUER, "greffe").signatureAlgorithms()).as("the default")
                .containsExactly(SignatureAlgorithm.RS256);
    }

    @Test
    void aPublicKeyTakesOneRsaAlgorithm() {
        assertThatThrownBy(() -> provider(Map.of(JWT + "public-key-location", "file:/k.pem",
                JWT + "jws-algorithms", "ES256"), ISSUER, "greffe").check(false))
                .hasMessageContaining("must then be one RSA algorithm");
        assertThatCode(() -> provider(Map.of(JWT + "public-key-location", "file:/k.pem",
                JWT + "jws-algorithms", "PS256"), ISSUER, "greffe").check(false)).doesNotThrowAnyException();
    }

    @Test
    void springBootsAudiencesPropertyIsRefusedRatherThanSilentlyIgnored() {
        assertThatThrownBy(() -> provider(Map.of(JWT + "issuer-uri", ISSUER, JWT + "audiences", "greffe"), null,
                "greffe").check(false))
                .hasMessageContaining("set greffe.security.jwt.audience");
    }
}
