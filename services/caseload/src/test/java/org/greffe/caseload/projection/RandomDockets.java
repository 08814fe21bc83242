package org.greffe.caseload.projection;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseEvent;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.CaseWithdrawn;
import org.greffe.events.DismissalReason;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;
import org.greffe.events.OffenceCategory;
import org.greffe.events.ReopeningReason;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but valid case histories: each follows the rules the Case aggregate enforces (dates in order, hearings
 * before judgment, nothing but reopening after disposal...), so they are histories the event log can hold.
 */
final class RandomDockets {

    static final List<String> TRIBUNALS = List.of("bamako-commune-iii", "mopti", "gao");

    private RandomDockets() {
    }

    /** The events of one case, in order. */
    static List<CaseEvent> history(String caseId, Random random) {
        CaseId id = new CaseId(caseId);
        List<CaseEvent> events = new ArrayList<>();
        String tribunal = TRIBUNALS.get(random.nextInt(TRIBUNALS.size()));
        LocalDate day = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(1500));
        OffenceCategory offence = OffenceCategory.values()[random.nextInt(OffenceCategory.values().length)];
        AccusedAffiliation accused = AccusedAffiliation.values()[random.nextInt(AccusedAffiliation.values().length)];
        events.add(new CaseFiled(id, "R-" + caseId, new TribunalId(tribunal), day, null, offence,
                new Victims(1 + random.nextInt(3), random.nextInt(3), random.nextInt(2), random.nextInt(2)), accused,
                null));
        boolean suspended = false;
        boolean disposed = false;
        boolean trialHeld = false;
        HearingId open = null;
        HearingKind openKind = null;
        int hearings = 0;
        int steps = random.nextInt(12);
        for (int step = 0; step < steps; step++) {
            day = day.plusDays(random.nextInt(120));
            int choice = random.nextInt(10);
            if (disposed) {
                events.add(new CaseReopened(id, day, ReopeningReason.values()[random.nextInt(3)]));
                disposed = false;
                trialHeld = false;
            } else if (suspended) {
                if (choice < 6) {
                    events.add(new CaseResumed(id, day));
                    suspended = false;
                } else if (choice < 8) {
                    events.add(new CaseDismissed(id, day, DismissalReason.TIME_BARRED));
                    disposed = true;
                    suspended = false;
                    open = null;
                } else {
                    events.add(new CaseWithdrawn(id, day));
                    disposed = true;
                    suspended = false;
                    open = null;
                }
            } else if (open != null && choice < 5) {
                if (random.nextBoolean()) {
                    events.add(new HearingHeld(id, open, day));
                    trialHeld |= openKind == HearingKind.TRIAL;
                } else {
                    events.add(new HearingAdjourned(id, open, day, AdjournmentReason.ACCUSED_ABSENT));
                }
                open = null;
            } else if (choice < 4) {
                open = new HearingId(caseId + "-h" + ++hearings);
                openKind = random.nextInt(3) == 0 ? HearingKind.PRELIMINARY : HearingKind.TRIAL;
                events.add(new HearingScheduled(id, open, openKind, day));
            } else if (choice < 5 && trialHeld) {
                events.add(new JudgmentIssued(id, day, Verdict.CONVICTION));
                disposed = true;
                open = null;
            } else if (choice < 6) {
                events.add(new CaseSuspended(id, day, SuspensionReason.ACCUSED_AT_LARGE));
                suspended = true;
            } else if (choice < 7) {
                String to = TRIBUNALS.get((TRIBUNALS.indexOf(tribunal) + 1 + random.nextInt(2)) % TRIBUNALS.size());
                events.add(new CaseTransferred(id, day, new TribunalId(tribunal), new TribunalId(to)));
                tribunal = to;
                trialHeld = false;
                open = null;
            } else if (choice < 8) {
                events.add(new CaseDismissed(id, day, DismissalReason.INSUFFICIENT_EVIDENCE));
                disposed = true;
                open = null;
            } else if (choice < 9) {
                events.add(new CaseWithdrawn(id, day));
                disposed = true;
                open = null;
            }
        }
        return events;
    }
}
