package org.greffe.measures;

import org.greffe.events.AdjournmentReason;
import org.greffe.events.HearingKind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A hearing that came and either took place or was adjourned: what the stall figures count.
 *
 * @param on           the day it was held or adjourned
 * @param tribunalId   the tribunal the case was at then
 * @param kind         preliminary or trial
 * @param adjournedFor why it was adjourned, or {@code null} when it was held
 */
public record HearingOutcome(LocalDate on, String tribunalId, HearingKind kind, AdjournmentReason adjournedFor) {

    public HearingOutcome {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(tribunalId, "tribunalId");
        Objects.requireNonNull(kind, "kind");
    }

    /** Adjourned rather than held. */
    public boolean adjourned() {
        return adjournedFor != null;
    }
}
