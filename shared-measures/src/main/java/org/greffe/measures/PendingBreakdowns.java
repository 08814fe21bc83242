package org.greffe.measures;

/**
 * The cases pending at a tribunal on a day (suspended ones included), split three ways. Each table is one-way, so
 * suppressing its small cells protects it on its own (see {@link SmallCells}).
 *
 * @param offence     pending cases by offence category, every category in its order; total = pending
 * @param accused     pending cases by the accused's affiliation, every affiliation in its order; total = pending
 * @param victimGroup victims (persons) of the pending cases by group: women, girls, men, boys; total = all victims
 */
public record PendingBreakdowns(Breakdown offence, Breakdown accused, Breakdown victimGroup) {

    /** The same tables with their small cells suppressed. */
    public PendingBreakdowns suppressed(SmallCells smallCells) {
        return new PendingBreakdowns(smallCells.apply(offence), smallCells.apply(accused),
                smallCells.apply(victimGroup));
    }
}
