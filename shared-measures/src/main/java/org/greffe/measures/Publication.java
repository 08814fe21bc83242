package org.greffe.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.greffe.measures.MonthCells.Tables;

/**
 * The disclosure control of everything a reader without exact figures sees, one month of one tribunal at a time:
 * <ul>
 *   <li>the tribunal totals, pending and never brought to trial, stay exact;</li>
 *   <li>every other count gets the noise of its table's cell key ({@link CellKey}); a zero stays zero;</li>
 *   <li>the breakdowns of the pending cases by offence, accused and victim group, which describe survivors and what was
 *   done to them, and the stall tables of the pending cases (by latest hearing, suspension reason, inactivity and
 *   reporting delay, {@link Stalls}), which say how each case stands, also hide every cell whose perturbed count is
 *   below the threshold {@code k}, zeros included, so that "none" and "a few" look the same; a table with exactly one
 *   hidden cell hides its smallest published cell too, so that the hidden one is not the exact total less noisy
 *   published cells;</li>
 *   <li>the median age is rounded to 30 days and only published with at least {@code 2k} active cases; the oldest
 *   case's filing date and age, which describe one case, are not published at all;</li>
 *   <li>with fewer than {@link #minimumPopulation()} cases pending, the month's stocks are not broken down at all
 *   (ages, suspended, the tables): only the exact totals are published. A noisy count keeps a zero at zero,
 *   so a published count says its cell holds a case; beside an exact total as small as the table's number of cells,
 *   that would say which cell holds which case;</li>
 *   <li>the month's flows are two noisy counts, what came in and what went out. How cases went out (transferred,
 *   judged, dismissed, withdrawn), how long they took against the standard and how many trial settings they had
 *   are not published: at a few cases a month, each of those is one survivor's case.</li>
 * </ul>
 * Which cells are hidden depends on perturbed counts only, never on exact ones.
 */
public final class Publication {

    private static final Set<String> BREAKDOWNS = Set.of(Tables.OFFENCE, Tables.ACCUSED, Tables.VICTIM_GROUP,
            Tables.LATEST_HEARING, Tables.SUSPENSION_REASON, Tables.INACTIVITY, Tables.REPORTING_DELAY);
    private static final Set<String> PUBLISHED_TABLES = Set.of(Tables.AGE, Tables.SUSPENDED, Tables.BEYOND_STANDARD,
            Tables.OFFENCE, Tables.ACCUSED, Tables.VICTIM_GROUP, Tables.VICTIMS, Tables.INCOMING,
            Tables.LATEST_HEARING, Tables.SUSPENSION_REASON, Tables.INACTIVITY, Tables.REPORTING_DELAY);
    private static final int MEDIAN_ROUNDING_DAYS = 30;
    private static final int MINIMUM_POPULATION = 10;
    private static final String OUTGOING_TOTAL = "outgoing-total";

    private final CellKey keys;
    private final int threshold;

    /**
     * @param keys      the deployment's cell keys
     * @param threshold the small-cell threshold {@code k}, at least 1; 1 hides nothing
     */
    public Publication(CellKey keys, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the small-cell threshold must be at least 1");
        }
        this.keys = keys;
        this.threshold = threshold;
    }

    /** The month as it may be published. */
    public PublishedMonth publish(MonthCells month) {
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        for (MonthCells.Table table : month.tables()) {
            if (!PUBLISHED_TABLES.contains(table.name())) {
                continue;
            }
            int[] values = table.counts();
            int[] noise = keys.noise(table.name(), table.population(), values);
            Integer[] published = new Integer[values.length];
            for (int cell = 0; cell < values.length; cell++) {
                published[cell] = CellKey.perturbed(values[cell], noise[cell]);
            }
            if (BREAKDOWNS.contains(table.name())) {
                suppress(published);
            }
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (int cell = 0; cell < values.length; cell++) {
                cells.put(table.cells().get(cell), published[cell]);
            }
            tables.put(table.name(), cells);
        }
        int incoming = single(tables, Tables.INCOMING);
        int outgoing = outgoing(month.table(Tables.OUTGOING));
        if (month.pending() < minimumPopulation()) {
            return new PublishedMonth(month.month(), month.pending(), month.neverTried(), null, null, null, null, null,
                    null, null, null, null, incoming, outgoing, null);
        }
        Map<String, Integer> age = tables.get(Tables.AGE);
        int active = age.values().stream().mapToInt(Integer::intValue).sum();
        return new PublishedMonth(month.month(), month.pending(), month.neverTried(), active,
                single(tables, Tables.SUSPENDED), age, single(tables, Tables.BEYOND_STANDARD),
                median(month.medianAgeDays(), active), tables.get(Tables.OFFENCE), tables.get(Tables.ACCUSED),
                tables.get(Tables.VICTIM_GROUP), single(tables, Tables.VICTIMS), incoming, outgoing,
                !month.has(Tables.LATEST_HEARING) ? null
                        : new PublishedMonth.StallCells(tables.get(Tables.LATEST_HEARING),
                                tables.get(Tables.SUSPENSION_REASON), tables.get(Tables.INACTIVITY),
                                tables.get(Tables.REPORTING_DELAY)));
    }

    /**
     * The fewest pending cases a month's stocks are broken down for: twice the threshold, and never fewer than 10, more
     * than any table has cells, so that noisy counts known not to be zero can never add up to the exact total.
     */
    public int minimumPopulation() {
        return Math.max(2 * threshold, MINIMUM_POPULATION);
    }

    /** All that went out, in one noisy count of its own: how they went out is not published. */
    private int outgoing(MonthCells.Table table) {
        int total = table.values().stream().mapToInt(Integer::intValue).sum();
        return CellKey.perturbed(total, keys.noise(OUTGOING_TOTAL, table.population(), new int[]{total})[0]);
    }

    /** Hides the cells below the threshold, and one more when a single cell would be hidden. */
    private void suppress(Integer[] cells) {
        if (threshold == 1) {
            return;
        }
        List<Integer> hidden = new ArrayList<>();
        for (int cell = 0; cell < cells.length; cell++) {
            if (cells[cell] < threshold) {
                hidden.add(cell);
            }
        }
        if (hidden.size() == 1) {
            int smallest = -1;
            for (int cell = 0; cell < cells.length; cell++) {
                if (cell != hidden.get(0) && (smallest < 0 || cells[cell] < cells[smallest])) {
                    smallest = cell;
                }
            }
            if (smallest >= 0) {
                hidden.add(smallest);
            }
        }
        hidden.forEach(cell -> cells[cell] = null);
    }

    private Double median(Double exact, int active) {
        if (exact == null || active < 2 * threshold) {
            return null;
        }
        return BigDecimal.valueOf(exact / MEDIAN_ROUNDING_DAYS).setScale(0, RoundingMode.HALF_UP).doubleValue()
                * MEDIAN_ROUNDING_DAYS;
    }

    private static int single(Map<String, Map<String, Integer>> tables, String name) {
        return tables.get(name).values().iterator().next();
    }
}
