package org.greffe.measures.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForecastSettingsTest {

    @Test
    void absentParametersTakeTheDefaults() {
        ForecastSettings settings = ForecastSettings.of(null, " ", null, null, null);
        assertThat(settings).isEqualTo(new ForecastSettings(24, 24, Scenario.CURRENT_PACE));
        assertThat(ForecastSettings.of("120", "6", "2", "-100", "oldest-first"))
                .isEqualTo(new ForecastSettings(120, 6, new Scenario(2, -100, DisposalOrder.OLDEST_FIRST)));
    }

    @Test
    void aBadParameterIsNamedWithItsRange() {
        assertThatThrownBy(() -> ForecastSettings.of("1e3", null, null, null, null))
                .hasMessage("months must be a whole number from 1 to 120 (got '1e3')");
        assertThatThrownBy(() -> ForecastSettings.of(null, null, null, null, "LIFO\n"))
                .hasMessage("order must be 'fifo' or 'oldest-first' (got 'LIFO?')");
    }

    @Test
    void everyScenarioAndHorizonOfOneQuestionDrawsTheSameNumbers() {
        long seed = ForecastSettings.of("24", "24", null, null, null).seed("t", "as of 2020-06-03");
        assertThat(ForecastSettings.of("120", "24", "5", "-50", "oldest-first").seed("t", "as of 2020-06-03"))
                .isEqualTo(seed);
        assertThat(ForecastSettings.of("24", "12", null, null, null).seed("t", "as of 2020-06-03")).isNotEqualTo(seed);
        assertThat(ForecastSettings.of("24", "24", null, null, null).seed("u", "as of 2020-06-03")).isNotEqualTo(seed);
        assertThat(ForecastSettings.of("24", "24", null, null, null).seed("t", "as of 2020-06-04")).isNotEqualTo(seed);
    }
}
