package org.greffe.measures;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CellKeyTest {

    private static final CellKey KEYS = new CellKey("the first deployment's secret..".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameTableOfTheSameCasesAlwaysGetsTheSameNoise() {
        int[] values = {79, 11, 7, 0, 2, 0, 16};
        assertThat(KEYS.noise("offence", population("a", "b", "c"), values))
                .isEqualTo(KEYS.noise("offence", population("c", "a", "b"), values.clone()));
    }

    @Test
    void anotherCaseAnotherTableOrAnotherSecretGivesOtherNoise() {
        int[] values = new int[40];
        java.util.Arrays.fill(values, 10);
        int[] noise = KEYS.noise("offence", population("a", "b"), values);
        assertThat(KEYS.noise("offence", population("a", "b", "c"), values)).isNotEqualTo(noise);
        assertThat(KEYS.noise("accused", population("a", "b"), values)).isNotEqualTo(noise);
        int[] changed = values.clone();
        changed[0] = 11;
        assertThat(KEYS.noise("offence", population("a", "b"), changed)).isNotEqualTo(noise);
        CellKey other = new CellKey("another deployment's own secret".getBytes(StandardCharsets.UTF_8));
        assertThat(other.noise("offence", population("a", "b"), values)).isNotEqualTo(noise);
        assertThat(other.elementKey("a")).isNotEqualTo(KEYS.elementKey("a"));
    }

    @Test
    void theNoiseFollowsItsDiscreteLaplaceLawAndStaysWithinItsBound() {
        Map<Integer, Integer> seen = new HashMap<>();
        int draws = 200_000;
        int[] values = new int[100];
        for (int table = 0; table < draws / values.length; table++) {
            for (int noise : KEYS.noise("t" + table, population("x" + table), values)) {
                assertThat(Math.abs(noise)).isLessThanOrEqualTo(CellKey.MAX_NOISE);
                seen.merge(noise, 1, Integer::sum);
            }
        }
        double zero = (1 - CellKey.ALPHA) / (1 + CellKey.ALPHA);
        for (int noise = -3; noise <= 3; noise++) {
            double expected = zero * Math.pow(CellKey.ALPHA, Math.abs(noise));
            assertThat(seen.getOrDefault(noise, 0) / (double) draws).as("P(%d)", noise)
                                                                      .isCloseTo(expected, within(0.005));
        }
    }

    @Test
    void theInverseReachesEveryMagnitudeUpToTheBoundAndNoFurther() {
        assertThat(CellKey.laplace(0.0, true, 0.5)).isZero();
        assertThat(CellKey.laplace(0.99, true, 1.0)).isEqualTo(1);
        assertThat(CellKey.laplace(0.99, false, 0.39)).isEqualTo(-2);
        assertThat(CellKey.laplace(0.99, true, 0x1.0p-53)).isEqualTo(CellKey.MAX_NOISE);
    }

    @Test
    void aZeroIsPublishedAsZeroAndNoCountBelowZero() {
        assertThat(CellKey.perturbed(0, 5)).isZero();
        assertThat(CellKey.perturbed(0, -5)).isZero();
        assertThat(CellKey.perturbed(3, -5)).isZero();
        assertThat(CellKey.perturbed(3, 2)).isEqualTo(5);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CellKey(new byte[15]));
    }

    static CellKey.Population population(String... cases) {
        CellKey.Population population = new CellKey.Population();
        for (String id : cases) {
            population.add(KEYS.elementKey(id));
        }
        return population;
    }
}
