package org.greffe.caseload.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkCatchUpTest {

    private final BulkCatchUp rule = new BulkCatchUp(10_000);

    @Test
    void aProjectionThatReadNothingOfALongLogIsBuiltInBulk() {
        assertThat(rule.needed(0, 1_000_000)).isTrue();
        assertThat(rule.needed(0, 10_000)).as("exactly the threshold").isTrue();
    }

    @Test
    void aShortBacklogIsLeftToTheProcessor() {
        assertThat(rule.needed(0, 9_999)).isFalse();
        assertThat(rule.needed(0, 0)).as("an empty log").isFalse();
        assertThat(rule.needed(1_000_000, 1_005_000)).isFalse();
    }

    @Test
    void aBacklogUnderATenthOfTheLogIsLeftToTheProcessorHoweverLong() {
        assertThat(rule.needed(950_000, 1_000_000)).as("50,000 unread: replaying them beats reading 1,000,000")
                                                   .isFalse();
        assertThat(rule.needed(900_000, 1_000_000)).as("a tenth").isTrue();
        assertThat(rule.needed(100_000, 1_000_000)).isTrue();
    }

    @Test
    void aProjectionAheadOfTheLogOrCaughtUpNeedsNothing() {
        assertThat(rule.needed(1_000_000, 1_000_000)).isFalse();
        assertThat(rule.needed(1_000_010, 1_000_000)).isFalse();
    }

    @Test
    void zeroTurnsItOff() {
        assertThat(new BulkCatchUp(0).needed(0, 1_000_000)).isFalse();
        assertThatThrownBy(() -> new BulkCatchUp(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
