package org.greffe.measures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of a one-way table with a published exact total, with a threshold {@code k}: a count of 1
 * to {@code k - 1} could single out a victim or a case, so it is withheld, and so are enough other cells that it
 * cannot be worked back out.
 * <ol>
 *   <li>Primary: every cell of 1 to {@code k - 1} is suppressed. A zero is not: it singles out no one.</li>
 *   <li>Complementary: while the suppressed cells are exactly one (the total minus the published cells would give
 *   it back) or add up to less than {@code k} (their sum would single out as much as one small cell), the smallest
 *   published non-zero cell is suppressed too, the first in table order on a tie. When no published non-zero cell is
 *   left, every cell is suppressed, zeros included, and only the total remains.</li>
 * </ol>
 * The total is never changed. {@code k = 1} suppresses nothing.
 */
public final class SmallCells {

    private final int threshold;

    /**
     * Suppression with threshold {@code k}.
     *
     * @param threshold the smallest count published, at least 1
     */
    public SmallCells(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the small-cell threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** The threshold {@code k}: the smallest non-zero count published. */
    public int threshold() {
        return threshold;
    }

    /** The table with its small cells and their complements suppressed; the table must have no suppressed cell. */
    public Breakdown apply(Breakdown exact) {
        List<String> categories = new ArrayList<>(exact.cells().keySet());
        int[] counts = new int[categories.size()];
        boolean[] hidden = new boolean[categories.size()];
        for (int i = 0; i < counts.length; i++) {
            Breakdown.Cell cell = exact.cells().get(categories.get(i));
            if (cell.suppressed()) {
                throw new IllegalArgumentException("the table is already suppressed: its true counts are gone");
            }
            counts[i] = cell.count();
            hidden[i] = counts[i] >= 1 && counts[i] < threshold;
        }
        suppressComplements(counts, hidden);

        Map<String, Breakdown.Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            cells.put(categories.get(i), hidden[i] ? Breakdown.Cell.SUPPRESSED : Breakdown.Cell.of(counts[i]));
        }
        return new Breakdown(exact.total(), cells);
    }

    private void suppressComplements(int[] counts, boolean[] hidden) {
        while (true) {
            int suppressed = 0;
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                if (hidden[i]) {
                    suppressed++;
                    sum += counts[i];
                }
            }
            if (suppressed == 0 || suppressed > 1 && sum >= threshold) {
                return;
            }
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden[i] && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                Arrays.fill(hidden, true);
                return;
            }
            hidden[smallest] = true;
        }
    }
}
