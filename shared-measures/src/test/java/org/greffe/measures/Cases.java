package org.greffe.measures;

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

/** Builds a case's event history fluently and folds it into a record, as the projection would. */
final class Cases {

    private final CaseId caseId;
    private final List<CaseEvent> events = new ArrayList<>();
    private int hearings;

    private Cases(String caseId) {
        this.caseId = new CaseId(caseId);
    }

    static Cases filed(String caseId, String tribunal, String filedOn) {
        return filed(caseId, tribunal, filedOn, OffenceCategory.RAPE);
    }

    static Cases filed(String caseId, String tribunal, String filedOn, OffenceCategory offence) {
        return filed(caseId, tribunal, filedOn, offence, AccusedAffiliation.UNIDENTIFIED, new Victims(1, 0, 0, 0));
    }

    static Cases filed(String caseId, String tribunal, String filedOn, OffenceCategory offence,
                       AccusedAffiliation accused, Victims victims) {
        Cases cases = new Cases(caseId);
        cases.events.add(new CaseFiled(cases.caseId, "D-" + caseId, new TribunalId(tribunal), day(filedOn), null,
                offence, victims, accused, null));
        return cases;
    }

    /** Schedules a trial hearing for the date and returns its id. */
    Cases trialSet(String date) {
        events.add(new HearingScheduled(caseId, hearing(++hearings), HearingKind.TRIAL, day(date)));
        return this;
    }

    Cases preliminarySet(String date) {
        events.add(new HearingScheduled(caseId, hearing(++hearings), HearingKind.PRELIMINARY, day(date)));
        return this;
    }

    /** Adjourns the latest hearing. */
    Cases adjourned(String on) {
        return adjourned(on, AdjournmentReason.ACCUSED_ABSENT);
    }

    Cases adjourned(String on, AdjournmentReason reason) {
        events.add(new HearingAdjourned(caseId, hearing(hearings), day(on), reason));
        return this;
    }

    /** The filing says when the incident happened. */
    Cases incidentOn(String date) {
        CaseFiled filed = (CaseFiled) events.get(0);
        events.set(0, new CaseFiled(filed.caseId(), filed.docketNumber(), filed.tribunalId(), filed.filedOn(),
                day(date), filed.offence(), filed.victims(), filed.accused(), filed.accusedGroup()));
        return this;
    }

    /** Holds the latest hearing. */
    Cases held(String on) {
        events.add(new HearingHeld(caseId, hearing(hearings), day(on)));
        return this;
    }

    Cases judged(String on) {
        events.add(new JudgmentIssued(caseId, day(on), Verdict.CONVICTION));
        return this;
    }

    Cases dismissed(String on) {
        events.add(new CaseDismissed(caseId, day(on), DismissalReason.INSUFFICIENT_EVIDENCE));
        return this;
    }

    Cases withdrawn(String on) {
        events.add(new CaseWithdrawn(caseId, day(on)));
        return this;
    }

    Cases transferred(String on, String from, String to) {
        events.add(new CaseTransferred(caseId, day(on), new TribunalId(from), new TribunalId(to)));
        return this;
    }

    Cases suspended(String on) {
        return suspended(on, SuspensionReason.ACCUSED_AT_LARGE);
    }

    Cases suspended(String on, SuspensionReason reason) {
        events.add(new CaseSuspended(caseId, day(on), reason));
        return this;
    }

    Cases resumed(String on) {
        events.add(new CaseResumed(caseId, day(on)));
        return this;
    }

    Cases reopened(String on) {
        events.add(new CaseReopened(caseId, day(on), ReopeningReason.REMAND));
        return this;
    }

    List<CaseEvent> events() {
        return List.copyOf(events);
    }

    CaseRecord record() {
        return fold(events);
    }

    static CaseRecord fold(List<CaseEvent> events) {
        CaseRecord record = CaseRecord.filed((CaseFiled) events.get(0), 0);
        for (int sequence = 1; sequence < events.size(); sequence++) {
            record = record.apply(events.get(sequence), sequence);
        }
        return record;
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private HearingId hearing(int number) {
        return new HearingId(caseId.value() + "-h" + number);
    }
}
