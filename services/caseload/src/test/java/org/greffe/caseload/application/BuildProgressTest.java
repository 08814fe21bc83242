package org.greffe.caseload.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuildProgressTest {

    @Test
    void percentIsOfTheHeadWithOneDecimalNeverRoundedUpToDone() {
        assertThat(new BuildProgress(true, 412_345, 1_000_000, 0).percent()).isEqualTo(41.2);
        assertThat(new BuildProgress(true, 999_999, 1_000_000, 0).percent()).as("not done yet").isEqualTo(99.9);
        assertThat(new BuildProgress(true, 1_000_000, 1_000_000, 0).percent()).isEqualTo(100.0);
        assertThat(new BuildProgress(false, 20, 10, 0).percent()).as("capped").isEqualTo(100.0);
        assertThat(new BuildProgress(false, 0, 0, 0).percent()).as("an empty log").isEqualTo(100.0);
    }

    @Test
    void retryAfterIsWhatTheRestTakesAtTheRateSoFarWithinBounds() {
        assertThat(new BuildProgress(true, 400_000, 1_000_000, 100_000).retryAfterSeconds()).isEqualTo(6);
        assertThat(new BuildProgress(true, 400_000, 1_000_000, 90_000).retryAfterSeconds()).as("rounded up")
                                                                                       .isEqualTo(7);
        assertThat(new BuildProgress(true, 999_999, 1_000_000, 100_000).retryAfterSeconds()).as("at least 1")
                                                                                        .isEqualTo(1);
        assertThat(new BuildProgress(true, 0, 10_000_000, 1_000).retryAfterSeconds()).as("at most 30")
                                                                                 .isEqualTo(30);
        assertThat(new BuildProgress(false, 0, 1_000_000, 0).retryAfterSeconds()).as("no rate known")
                                                                              .isEqualTo(5);
    }
}
