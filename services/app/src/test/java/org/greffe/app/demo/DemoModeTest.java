package org.greffe.app.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GREFFE_DEMO decides when set; unset, the embedded database means demo mode and an external one does not. */
class DemoModeTest {

    private static final String EXTERNAL = "jdbc:postgresql://db:5432/greffe";

    @Test
    void unsetItFollowsTheDatabase() {
        assertThat(DemoMode.enabled(null, null)).isTrue();
        assertThat(DemoMode.enabled("", "")).isTrue();
        assertThat(DemoMode.enabled(" ", EXTERNAL)).isFalse();
    }

    @Test
    void trueOrFalseForcesIt() {
        assertThat(DemoMode.enabled("true", EXTERNAL)).isTrue();
        assertThat(DemoMode.enabled("TRUE", null)).isTrue();
        assertThat(DemoMode.enabled("false", null)).isFalse();
        assertThat(DemoMode.enabled(" False ", EXTERNAL)).isFalse();
    }

    @Test
    void anyOtherValueIsAnError() {
        assertThatThrownBy(() -> DemoMode.enabled("yes", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GREFFE_DEMO (greffe.demo) must be true, false or unset, not 'yes'");
    }
}
