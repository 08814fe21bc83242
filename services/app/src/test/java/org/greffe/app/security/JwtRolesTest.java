package org.greffe.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a verified token's claims become a Greffe user and roles. */
class JwtRolesTest {

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(all -> all.putAll(claims))
                  .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    private static SecurityProperties.Jwt claims(String rolesClaim, String userClaim, Map<String, Role> mapping) {
        return new SecurityProperties.Jwt(rolesClaim, userClaim, mapping, "https://id.example.org", "greffe");
    }

    private static List<String> roles(SecurityProperties.Jwt settings, Map<String, Object> claims) {
        return new JwtRoles(settings).convert(token(claims)).getAuthorities().stream()
                                     .map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void byDefaultTheRolesClaimNamesGreffeRolesAndNothingElseCounts() {
        var settings = claims("roles", "sub", Map.of());
        assertThat(roles(settings, Map.of("sub", "u", "roles", List.of("CLERK", "admin", "auditor", "AUDITOR"))))
                .containsExactly("ROLE_CLERK", "ROLE_AUDITOR");
        assertThat(roles(settings, Map.of("sub", "u", "scope", "CLERK"))).as("scopes give nothing").isEmpty();
        assertThat(roles(settings, Map.of("sub", "u", "roles", "ADVOCATE CLERK")))
                .containsExactly("ROLE_ADVOCATE", "ROLE_CLERK");
    }

    @Test
    void aDottedPathReachesNestedClaimsAndAMappingTranslatesTheProvidersNames() {
        var keycloak = claims("realm_access.roles", "preferred_username",
                Map.of("greffe-clerks", Role.CLERK, "greffe-advocates", Role.ADVOCATE));
        var converted = new JwtRoles(keycloak).convert(token(Map.of("sub", "3f2a", "preferred_username", "awa",
                "realm_access", Map.of("roles", List.of("greffe-advocates", "CLERK", "offline_access")))));
        assertThat(converted.getName()).isEqualTo("awa");
        assertThat(converted.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                              .as("with a mapping, only mapped names count")
                                              .containsExactly("ROLE_ADVOCATE");
    }

    @Test
    void withoutTheUserClaimTheSubjectNamesTheUser() {
        var settings = claims("roles", "preferred_username", Map.of());
        assertThat(new JwtRoles(settings).convert(token(Map.of("sub", "3f2a"))).getName()).isEqualTo("3f2a");
        assertThat(roles(settings, Map.of("sub", "x", "roles", Map.of("CLERK", true)))).isEmpty();
    }
}
