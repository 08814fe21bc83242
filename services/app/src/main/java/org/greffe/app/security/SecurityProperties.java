package org.greffe.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * How bearer tokens (JWT) from the organisation's identity provider are bound to this Greffe and map to its users and
 * roles. Where the keys come from is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * ({@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}); see {@link IdentityProvider}.
 *
 * @param jwt the token claims Greffe checks and reads
 */
@ConfigurationProperties("greffe.security")
public record SecurityProperties(@DefaultValue Jwt jwt) {

    /**
     * @param rolesClaim  the claim holding the user's roles: a list or a space-separated string; a dotted path
     *                    reaches into nested objects (Keycloak: {@code realm_access.roles}). Default {@code roles}.
     * @param userClaim   the claim naming the user, recorded on every event and access-log entry; its value must be
     *                    an identifier (letters, digits, {@code . _ : -}), never a person's name. Default {@code sub}.
     * @param roleMapping claim values mapped to Greffe roles, e.g. {@code greffe-clerk: CLERK}. Empty (the
     *                    default): values equal to a role name ({@code CLERK}, {@code ADVOCATE}, {@code AUDITOR})
     *                    are taken as they are. Values mapped to nothing give no role.
     * @param issuer      the exact {@code iss} every token must carry; defaults to
     *                    {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} when that is set. Required
     *                    outside demo mode.
     * @param audience    a value every token's {@code aud} must contain: the identifier the identity provider gives
     *                    Greffe, so that a token issued for another application is refused. Required outside demo
     *                    mode.
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String userClaim,
                      Map<String, Role> roleMapping, String issuer, String audience) {

        public Jwt {
            if (rolesClaim == null || rolesClaim.isBlank()) {
                throw new IllegalArgumentException("greffe.security.jwt.roles-claim must name a claim");
            }
            if (userClaim == null || userClaim.isBlank()) {
                throw new IllegalArgumentException("greffe.security.jwt.user-claim must name a claim");
            }
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
            issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
            audience = audience == null || audience.isBlank() ? null : audience.strip();
        }
    }
}
