package org.greffe.measures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A one-way table: a population split by one characteristic, with its total. Exact, its cells add up to its total.
 * Published for a reader without exact figures ({@link Publication}), its cells are perturbed and need not add up,
 * and a cell may be suppressed, its count then {@code null}.
 *
 * @param total     the whole population: exact, or perturbed for a table of victims
 * @param cells     the cells by category, in the category's own order
 * @param perturbed true when the counts carry cell-key noise
 */
public record Breakdown(int total, Map<String, Cell> cells, boolean perturbed) {

    public Breakdown {
        if (total < 0) {
            throw new IllegalArgumentException("a total is never negative");
        }
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        int sum = cells.values().stream().filter(cell -> !cell.suppressed()).mapToInt(Cell::count).sum();
        if (!perturbed && (sum != total || cells.values().stream().anyMatch(Cell::suppressed))) {
            throw new IllegalArgumentException("the cells (" + sum + ") do not add up to the total " + total);
        }
    }

    /** The exact table of these counts, in the map's order; the total is their sum. */
    public static Breakdown exact(Map<String, Integer> counts) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((category, count) -> cells.put(category, Cell.of(count)));
        return new Breakdown(counts.values().stream().mapToInt(Integer::intValue).sum(), cells, false);
    }

    /** A published table: perturbed counts, {@code null} for a suppressed cell. */
    public static Breakdown published(int total, Map<String, Integer> counts) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((category, count) -> cells.put(category, count == null ? Cell.SUPPRESSED : Cell.of(count)));
        return new Breakdown(total, cells, true);
    }

    /**
     * One cell of a table.
     *
     * @param count      how many, or {@code null} when suppressed
     * @param suppressed true when the count is withheld to protect the few it would single out
     */
    public record Cell(Integer count, boolean suppressed) {

        /** A withheld cell. */
        public static final Cell SUPPRESSED = new Cell(null, true);

        public Cell {
            if (suppressed ? count != null : count == null || count < 0) {
                throw new IllegalArgumentException("a cell has a count of at least 0, or none when suppressed");
            }
        }

        /** A published cell. */
        public static Cell of(int count) {
            return new Cell(count, false);
        }
    }
}
