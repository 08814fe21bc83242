package org.greffe.measures;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BreakdownTest {

    @Test
    void anExactTableKeepsItsOrderAndTotalsItsCells() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("women", 7);
        counts.put("girls", 0);
        counts.put("men", 2);
        Breakdown table = Breakdown.exact(counts);
        assertThat(table.total()).isEqualTo(9);
        assertThat(table.cells()).containsExactly(Map.entry("women", Breakdown.Cell.of(7)),
                Map.entry("girls", Breakdown.Cell.of(0)), Map.entry("men", Breakdown.Cell.of(2)));
    }

    @Test
    void cellsThatContradictTheirTotalOrTheirSuppressionAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Breakdown(5, Map.of("a", Breakdown.Cell.of(4)), false));
        assertThatIllegalArgumentException().as("an exact table hides nothing").isThrownBy(() -> new Breakdown(4,
                Map.of("a", Breakdown.Cell.of(4), "b", Breakdown.Cell.SUPPRESSED), false));
        assertThatIllegalArgumentException().isThrownBy(() -> new Breakdown.Cell(3, true));
        assertThatIllegalArgumentException().isThrownBy(() -> new Breakdown.Cell(null, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new Breakdown.Cell(-1, false));
    }

    @Test
    void aPublishedTableIsPerturbedSoItsCellsNeedNotAddUp() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("RAPE", 81);
        counts.put("SEXUAL_SLAVERY", null);
        Breakdown table = Breakdown.published(80, counts);
        assertThat(table.perturbed()).isTrue();
        assertThat(table.cells()).containsExactly(Map.entry("RAPE", Breakdown.Cell.of(81)),
                Map.entry("SEXUAL_SLAVERY", Breakdown.Cell.SUPPRESSED));
    }
}
