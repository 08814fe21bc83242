package org.greffe.app.demo;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GREFFE_DEMO decides when set; unset, the embedded database with no identity provider means demo mode, and an
 * external database or an identity provider does not.
 */
class DemoModeTest {

    private static final String EXTERNAL = "jdbc:postgresql://db:5432/greffe";

    @Test
    void unsetItFollowsTheDatabase() {
        assertThat(DemoMode.enabled(null, null, false)).isTrue();
        assertThat(DemoMode.enabled("", "", false)).isTrue();
        assertThat(DemoMode.enabled(" ", EXTERNAL, false)).isFalse();
    }

    @Test
    void unsetAnIdentityProviderMeansRealUsersAndNoDemo() {
        assertThat(DemoMode.enabled(null, null, true)).isFalse();
        assertThat(DemoMode.enabled("", EXTERNAL, true)).isFalse();
    }

    @Test
    void trueOrFalseForcesIt() {
        assertThat(DemoMode.enabled("true", EXTERNAL, false)).isTrue();
        assertThat(DemoMode.enabled("TRUE", null, true)).as("refused later, with a message").isTrue();
        assertThat(DemoMode.enabled("false", null, false)).isFalse();
        assertThat(DemoMode.enabled(" False ", EXTERNAL, false)).isFalse();
    }

    @Test
    void anyOtherValueIsAnError() {
        assertThatThrownBy(() -> DemoMode.enabled("yes", null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GREFFE_DEMO (greffe.demo) must be true, false or unset, not 'yes'");
    }

    @Test
    void theEnvironmentNamesAnIdentityProviderByAnyKeySourceThatIsNotBlank() {
        MockEnvironment environment = new MockEnvironment();
        assertThat(DemoMode.enabled(environment)).isTrue();
        environment.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", " ");
        assertThat(DemoMode.enabled(environment)).as("blank").isTrue();
        for (String key : DemoMode.IDENTITY_PROVIDER_KEYS) {
            MockEnvironment withKey = new MockEnvironment().withProperty(key, "https://id.example.org/k");
            assertThat(DemoMode.identityProvider(withKey)).as(key).isTrue();
            assertThat(DemoMode.enabled(withKey)).as(key).isFalse();
            assertThat(DemoMode.enabled(withKey.withProperty("greffe.demo", "true"))).as(key).isTrue();
        }
    }
}
