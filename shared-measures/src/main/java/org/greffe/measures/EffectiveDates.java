package org.greffe.measures;

import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseEvent;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;

import java.time.LocalDate;

/** The legal date of each kind of event: when it happened in law, as opposed to when the registry recorded it. */
public final class EffectiveDates {

    private EffectiveDates() {
    }

    /** The filing date, the date a hearing is set for, or the date the event happened. */
    public static LocalDate of(CaseEvent event) {
        if (event instanceof CaseFiled filed) {
            return filed.filedOn();
        }
        if (event instanceof HearingScheduled scheduled) {
            return scheduled.date();
        }
        if (event instanceof HearingAdjourned adjourned) {
            return adjourned.on();
        }
        if (event instanceof HearingHeld held) {
            return held.on();
        }
        if (event instanceof JudgmentIssued judged) {
            return judged.on();
        }
        if (event instanceof CaseDismissed dismissed) {
            return dismissed.on();
        }
        if (event instanceof CaseWithdrawn withdrawn) {
            return withdrawn.on();
        }
        if (event instanceof CaseTransferred transferred) {
            return transferred.on();
        }
        if (event instanceof CaseSuspended suspended) {
            return suspended.on();
        }
        if (event instanceof CaseResumed resumed) {
            return resumed.on();
        }
        return ((CaseReopened) event).on();
    }
}
