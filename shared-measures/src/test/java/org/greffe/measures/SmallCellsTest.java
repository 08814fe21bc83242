package org.greffe.measures;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each rule of small-cell suppression on hand-checked tables, then its guarantees on random ones. */
class SmallCellsTest {

    private final SmallCells five = new SmallCells(5);

    @Test
    void cellsOfOneToKMinusOneAreSuppressedButZerosAndLargeCellsAreNot() {
        Breakdown suppressed = five.apply(table(3, 4, 50, 0));
        assertThat(shown(suppressed)).containsExactly("-", "-", "50", "0");
        assertThat(suppressed.cells().get("c1")).isEqualTo(Breakdown.Cell.SUPPRESSED);
        assertThat(suppressed.cells().get("c1").count()).isNull();
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestPublishedNonZeroCellWithIt() {
        // 69 - 40 - 0 - 14 - 12 would give back the 3 if it were suppressed alone
        assertThat(shown(five.apply(table(3, 40, 0, 14, 12)))).containsExactly("-", "40", "0", "14", "-");
    }

    @Test
    void onATieTheFirstCellInTableOrderIsSuppressed() {
        assertThat(shown(five.apply(table(1, 7, 7)))).containsExactly("-", "-", "7");
    }

    @Test
    void suppressedCellsAddingUpToLessThanKTakeTheNextSmallestUntilTheyReachK() {
        assertThat(shown(five.apply(table(2, 2, 50)))).containsExactly("-", "-", "-");
        assertThat(shown(five.apply(table(1, 1, 6, 9)))).containsExactly("-", "-", "-", "9");
    }

    @Test
    void whenNoPublishedNonZeroCellIsLeftEveryCellIsSuppressedLeavingOnlyTheTotal() {
        Breakdown alone = five.apply(table(0, 3, 0));
        assertThat(shown(alone)).containsExactly("-", "-", "-");
        assertThat(alone.total()).isEqualTo(3);
        assertThat(shown(five.apply(table(1, 0, 1)))).containsExactly("-", "-", "-");
    }

    @Test
    void zeroCellsArePublishedBesideSuppressedOnes() {
        assertThat(shown(five.apply(table(0, 2, 0, 3, 20)))).containsExactly("0", "-", "0", "-", "20");
        assertThat(shown(five.apply(table(0, 0, 7, 9)))).containsExactly("0", "0", "7", "9");
    }

    @Test
    void aThresholdOfOneSuppressesNothing() {
        Breakdown exact = table(1, 0, 2, 1);
        assertThat(new SmallCells(1).apply(exact)).isEqualTo(exact);
    }

    @Test
    void theTotalStaysExact() {
        assertThat(five.apply(table(2, 2, 50)).total()).isEqualTo(54);
        assertThat(five.apply(table(3, 40, 0, 14, 12)).total()).isEqualTo(69);
    }

    @Test
    void anAlreadySuppressedTableAndAThresholdBelowOneAreRefused() {
        Breakdown suppressed = five.apply(table(2, 2, 50));
        assertThatIllegalArgumentException().isThrownBy(() -> five.apply(suppressed));
        assertThatIllegalArgumentException().isThrownBy(() -> new SmallCells(0));
    }

    @Property(tries = 2000)
    void noSuppressedCellCanBeRecoveredNorSingledOut(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 30) Integer> counts,
            @ForAll @IntRange(min = 1, max = 10) int k) {
        Breakdown exact = table(counts.stream().mapToInt(Integer::intValue).toArray());
        Breakdown suppressed = new SmallCells(k).apply(exact);

        assertThat(suppressed.total()).isEqualTo(exact.total());
        assertThat(suppressed.cells().keySet()).containsExactlyElementsOf(exact.cells().keySet());
        int published = 0;
        int hidden = 0;
        int hiddenSum = 0;
        for (String category : exact.cells().keySet()) {
            Breakdown.Cell cell = suppressed.cells().get(category);
            int count = exact.cells().get(category).count();
            if (cell.suppressed()) {
                hidden++;
                hiddenSum += count;
            } else {
                assertThat(cell.count()).as("a published cell is the true count").isEqualTo(count);
                assertThat(count).as("no published cell of 1 to k - 1").satisfiesAnyOf(
                        c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(k));
                published += count;
            }
        }
        assertThat(published + hiddenSum).as("published + suppressed = total").isEqualTo(exact.total());
        if (counts.size() > 1) {
            assertThat(hidden).as("a lone suppressed cell is the total less the others").isNotEqualTo(1);
        }
        if (hidden < counts.size()) {
            assertThat(hiddenSum).as("the suppressed cells together single out no one")
                                 .satisfiesAnyOf(sum -> assertThat(sum).isZero(),
                                         sum -> assertThat(sum).isGreaterThanOrEqualTo(k));
        }
        if (k == 1) {
            assertThat(suppressed).isEqualTo(exact);
        }
    }

    /** Cells c1, c2... with these counts. */
    private static Breakdown table(int... counts) {
        Map<String, Integer> cells = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            cells.put("c" + (i + 1), counts[i]);
        }
        return Breakdown.exact(cells);
    }

    /** Each cell as its count, or "-" when suppressed. */
    private static List<String> shown(Breakdown breakdown) {
        return breakdown.cells().values().stream()
                        .map(cell -> cell.suppressed() ? "-" : String.valueOf(cell.count())).toList();
    }
}
