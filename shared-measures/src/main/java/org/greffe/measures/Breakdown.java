package org.greffe.measures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A one-way table: a population split by one characteristic, with its total. The total is always exact; a cell may
 * be suppressed (see {@link SmallCells}), and then its count is {@code null}.
 *
 * @param total the whole population, exact even when cells are suppressed
 * @param cells the cells by category, in the category's own order
 */
public record Breakdown(int total, Map<String, Cell> cells) {

    public Breakdown {
        if (total < 0) {
            throw new IllegalArgumentException("a total is never negative");
        }
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        int published = cells.values().stream().filter(cell -> !cell.suppressed()).mapToInt(Cell::count).sum();
        boolean anySuppressed = cells.values().stream().anyMatch(Cell::suppressed);
        if (anySuppressed ? published > total : published != total) {
            throw new IllegalArgumentException("the cells (" + published + ") do not add up to the total " + total);
        }
    }

    /** The exact table of these counts, in the map's order; the total is their sum. */
    public static Breakdown exact(Map<String, Integer> counts) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        counts.forEach((category, count) -> cells.put(category, Cell.of(count)));
        return new Breakdown(counts.values().stream().mapToInt(Integer::intValue).sum(), cells);
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
