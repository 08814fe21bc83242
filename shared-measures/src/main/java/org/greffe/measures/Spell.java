package org.greffe.measures;

import java.time.LocalDate;

/**
 * A stretch of a case's life at one tribunal: from the day it came in (filed, transferred in, reopened) to the day
 * it went out (judged, dismissed, withdrawn, transferred out), or still open.
 *
 * @param tribunalId      the tribunal
 * @param enteredOn       the day it came in
 * @param entry           how it came in
 * @param proceedingStart the day its current proceeding began: the filing date, or the reopening date; a transfer
 *                        carries the proceeding on
 * @param leftOn          the day it went out, or {@code null} while it is still there
 * @param exit            how it went out, or {@code null}
 * @param trialSettings   how many trial hearings were set during the spell (trial date certainty)
 */
public record Spell(String tribunalId, LocalDate enteredOn, Entry entry, LocalDate proceedingStart,
                    LocalDate leftOn, Exit exit, int trialSettings) {

    /** How a case comes to a tribunal: each is an incoming case there. */
    public enum Entry { FILED, TRANSFERRED_IN, REOPENED }

    /** How a case leaves a tribunal: each is an outgoing case there; all but a transfer dispose of the case. */
    public enum Exit {
        JUDGED, DISMISSED, WITHDRAWN, TRANSFERRED_OUT;

        /** True when the case itself is disposed of, not merely moved. */
        public boolean disposes() {
            return this != TRANSFERRED_OUT;
        }
    }

    /** Pending at this tribunal on the day: came in on or before it, and did not go out on or before it. */
    public boolean pendingOn(LocalDate day) {
        return !enteredOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }

    Spell closed(LocalDate on, Exit how) {
        return new Spell(tribunalId, enteredOn, entry, proceedingStart, on, how, trialSettings);
    }

    Spell withTrialSetting() {
        return new Spell(tribunalId, enteredOn, entry, proceedingStart, leftOn, exit, trialSettings + 1);
    }
}
