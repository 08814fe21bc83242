package org.greffe.app.security;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the one token decoder Greffe uses, whatever the key source, so that every token is checked the same way:
 * signed with one of the configured asymmetric algorithms (never {@code none}, never HMAC) by the provider's key,
 * issued by the configured issuer, meant for the configured audience, with an expiry, and within its validity
 * ({@code exp}, {@code nbf}, a minute of clock skew). Spring Boot's own decoders check the issuer only with
 * {@code issuer-uri}, and the audience only when asked; Greffe does not rely on either being remembered.
 */
final class TokenDecoders {

    private TokenDecoders() {
    }

    static JwtDecoder build(IdentityProvider provider, ResourceLoader resources) {
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(provider.expectedIssuer()),
                new JwtAudienceValidator(provider.audience()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (provider.jwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.jwkSetUri())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(provider.signatureAlgorithms())).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (provider.issuerUri() != null) {
            // Discovery needs the provider reachable: done at the first token, not at start-up, as Spring Boot does.
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuerUri())
                        .jwsAlgorithms(algorithms -> algorithms.addAll(provider.signatureAlgorithms())).build();
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, provider.publicKeyLocation()))
                .signatureAlgorithm(provider.signatureAlgorithms().get(0)).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new SignInMisconfigured(IdentityProvider.PREFIX + "public-key-location names " + location
                    + ", which does not exist. See docs/api.md, section Access.");
        }
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity provider's public key " + location, e);
        }
    }
}
