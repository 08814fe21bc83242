package org.greffe.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static String user(String userClaim, Map<String, Object> claims) {
        return new JwtRoles(claims("roles", userClaim, Map.of())).convert(token(claims)).getName();
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
                Map.of("greffe-clerk", Role.CLERK, "greffe-advocate", Role.ADVOCATE));
        var converted = new JwtRoles(keycloak).convert(token(Map.of("sub", "3f2a", "preferred_username", "awa",
                "realm_access", Map.of("roles", List.of("greffe-advocate", "CLERK", "offline_access")))));
        assertThat(converted.getName()).isEqualTo("awa");
        assertThat(converted.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                                              .as("with a mapping, only mapped names count")
                                              .containsExactly("ROLE_ADVOCATE");
    }

    @Test
    void withoutTheUserClaimTheSubjectNamesTheUser() {
        var settings = claims("roles", "preferred_username", Map.of());
        assertThat(new JwtRoles(settings).convert(token(Map.of("sub", "3f2a"))).getName()).isEqualTo("3f2a");
        assertThat(user("preferred_username", Map.of("sub", "3f2a", "preferred_username", " ")))
                .as("a blank claim counts as absent").isEqualTo("3f2a");
        assertThat(roles(settings, Map.of("sub", "x", "roles", Map.of("CLERK", true)))).isEmpty();
    }

    @Test
    void identifiersOfTheCodeBasesShapeAreRecordedAsTheyAre() {
        assertThat(user("sub", Map.of("sub", "0b1c5d2e-8f3a-4c6b-9d7e-1a2b3c4d5e6f")))
                .isEqualTo("0b1c5d2e-8f3a-4c6b-9d7e-1a2b3c4d5e6f");
        assertThat(user("preferred_username", Map.of("sub", "x", "preferred_username", "awa.traore")))
                .isEqualTo("awa.traore");
        assertThat(user("oid", Map.of("sub", "x", "oid", "svc:prometheus_1"))).isEqualTo("svc:prometheus_1");
        assertThat(user("sub", Map.of("sub", "a".repeat(64)))).hasSize(64);
    }

    @Test
    void aUserClaimThatIsNoIdentifierIsRefusedAndTheRefusalSaysWhatToSet() {
        for (Object value : List.of("Aminata Traore", "aminata@example.org", "Aminata\nTraore", "-leading-dash",
                "a".repeat(65), "Amínata", List.of("x"), 42)) {
            assertThatThrownBy(() -> user("preferred_username", Map.of("sub", "3f2a", "preferred_username", value)))
                    .as(String.valueOf(value))
                    .isInstanceOf(UnusableUserClaim.class)
                    .hasMessageContaining("(preferred_username) is not an identifier")
                    .hasMessageContaining("set greffe.security.jwt.user-claim to an identifier claim such as sub");
        }
    }

    @Test
    void theRefusalNeverRepeatsTheValueWhichMayBeAPersonsName() {
        assertThatThrownBy(() -> user("name", Map.of("sub", "3f2a", "name", "Aminata Traore")))
                .hasMessageNotContaining("Aminata");
    }

    @Test
    void aTokenWithNeitherTheUserClaimNorASubjectIsRefused() {
        assertThatThrownBy(() -> user("preferred_username", Map.of("roles", "CLERK")))
                .isInstanceOf(UnusableUserClaim.class).hasMessageContaining("(sub) is not an identifier");
    }

    @Test
    void theDemoUsersNamesAreKeptForTheDemo() {
        for (String name : List.of("demo", "clerk", "advocate", "auditor")) {
            assertThatThrownBy(() -> user("sub", Map.of("sub", name))).as(name)
                    .isInstanceOf(UnusableUserClaim.class)
                    .hasMessageContaining("a name kept for the demo users");
        }
        assertThat(user("sub", Map.of("sub", "clerk-1"))).isEqualTo("clerk-1");
    }
}
