package org.greffe.measures;

import java.time.YearMonth;
import java.util.List;

/**
 * One tribunal's exact figures for one calendar month: the stocks on its last day, the flows during it, and for each
 * table whom it counts, so that the noise of its publication can be keyed on its cases. Never shown as it is to a
 * reader without exact figures: {@link Publication} turns it into a {@link PublishedMonth}.
 *
 * @param month         the month
 * @param pending       cases pending on the last day (a tribunal total: published exact)
 * @param neverTried    of those, never brought to trial (a tribunal total: published exact)
 * @param medianAgeDays median age of the active pending cases on the last day, or {@code null} when there are none
 * @param tables        the month's tables, in {@link Tables} order
 */
public record MonthCells(YearMonth month, int pending, int neverTried, Double medianAgeDays, List<Table> tables) {

    public MonthCells {
        tables = List.copyOf(tables);
    }

    /** Whether the month has the table of that name: months of records under earlier definitions lack the stalls'. */
    public boolean has(String name) {
        return tables.stream().anyMatch(table -> table.name().equals(name));
    }

    /** The table of that name. */
    public Table table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    /**
     * A table of exact counts and the population it counts.
     *
     * @param name       see {@link Tables}
     * @param cells      the cells' names, in order
     * @param values     the exact counts, one per cell
     * @param population whom it counts
     */
    public record Table(String name, List<String> cells, List<Integer> values, CellKey.Population population) {

        public Table {
            cells = List.copyOf(cells);
            values = List.copyOf(values);
            if (cells.size() != values.size()) {
                throw new IllegalArgumentException("one value per cell");
            }
        }

        int[] counts() {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The tables of a month and their cells. */
    public static final class Tables {

        /** Active pending cases on the last day by age band (CourTools 4). */
        public static final String AGE = "age";
        /** Pending cases suspended on the last day. */
        public static final String SUSPENDED = "suspended";
        /** Active pending cases older than their offence's time standard. */
        public static final String BEYOND_STANDARD = "beyond-standard";
        /** Pending cases by offence. */
        public static final String OFFENCE = "offence";
        /** Pending cases by the accused's affiliation. */
        public static final String ACCUSED = "accused";
        /** Victims of the pending cases by group. */
        public static final String VICTIM_GROUP = "victim-group";
        /** All victims of the pending cases. */
        public static final String VICTIMS = "victims";
        /** Cases that came in during the month. */
        public static final String INCOMING = "incoming";
        /** Cases that went out during the month: transferred out, or disposed by time against the standard. */
        public static final String OUTGOING = "outgoing";
        /** Cases judged during the month by the number of trial settings of the proceeding (CourTools 5). */
        public static final String JUDGED = "judged";

        /** Pending cases on the last day by their latest hearing at the tribunal ({@link Stalls}). */
        public static final String LATEST_HEARING = "latest-hearing";
        /** Suspended pending cases on the last day by reason of their suspension. */
        public static final String SUSPENSION_REASON = "suspension-reason";
        /** Active pending cases on the last day by days since their latest procedural step. */
        public static final String INACTIVITY = "inactivity";
        /** Pending cases on the last day by days from incident to filing, or undated. */
        public static final String REPORTING_DELAY = "reporting-delay";

        /** Cells of {@link #OUTGOING}: a transfer, then disposals within ¼, ½, all and beyond the standard. */
        public static final List<String> OUTGOING_CELLS = List.of("transferredOut", "upToQuarterStandard",
                "upToHalfStandard", "upToStandard", "beyondStandard");
        /** Cells of {@link #JUDGED}. */
        public static final List<String> JUDGED_CELLS = List.of("1", "2", "3", "4+");

        private Tables() {
        }
    }
}
