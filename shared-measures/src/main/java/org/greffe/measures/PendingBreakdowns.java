package org.greffe.measures;

/**
 * The cases pending at a tribunal on a day (suspended ones included), split three ways.
 *
 * @param offence     pending cases by offence category, every category in its order; total = pending
 * @param accused     pending cases by the accused's affiliation, every affiliation in its order; total = pending
 * @param victimGroup victims (persons) of the pending cases by group: women, girls, men, boys; total = all victims
 */
public record PendingBreakdowns(Breakdown offence, Breakdown accused, Breakdown victimGroup) {
}
