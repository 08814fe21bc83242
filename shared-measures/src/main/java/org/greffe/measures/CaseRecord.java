package org.greffe.measures;

import org.greffe.events.AccusedAffiliation;
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
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.JudgmentIssued;
import org.greffe.events.OffenceCategory;
import org.greffe.events.Victims;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the caseload needs to know about one case, folded from its events in order. Immutable: {@link #apply}
 * returns the next record. The live projection stores these records; an auditor's replay folds the raw log into
 * the same records, so both compute their figures with the same code.
 *
 * @param caseId           the case
 * @param offence          offence category (decides the time standard)
 * @param victims          the victims as counts, as filed
 * @param accused          the accused's affiliation, as filed
 * @param filedOn          legal filing date
 * @param incidentOn       incident date when known
 * @param spells           the case's stretches at tribunals, in order
 * @param suspensions      the case's suspensions, in order
 * @param trialHearings    ids of the case's TRIAL hearings (to recognise a held trial)
 * @param firstTrialHeldOn the day the case was first brought to trial, or {@code null}
 * @param hearingOutcomes  every hearing held or adjourned, in order, with where and why (the stall figures); empty
 *                         in a record folded by a release that did not keep them, until the projection is rebuilt
 * @param lastSequence     sequence number of the last event folded in; older events are skipped on replay
 */
public record CaseRecord(String caseId, OffenceCategory offence, Victims victims, AccusedAffiliation accused,
                         LocalDate filedOn, LocalDate incidentOn, List<Spell> spells, List<Suspension> suspensions,
                         Set<String> trialHearings, LocalDate firstTrialHeldOn, List<HearingOutcome> hearingOutcomes,
                         long lastSequence) {

    public CaseRecord {
        // A record stored before victims and accused were kept lacks them: refuse it rather than count it nowhere.
        Objects.requireNonNull(victims, "victims");
        Objects.requireNonNull(accused, "accused");
        // One folded by a release that did not keep hearing outcomes has none: read while both releases run (a
        // rolling upgrade), until a rebuild folds it again; no figure served yet reads them (Stalls).
        hearingOutcomes = hearingOutcomes == null ? List.of() : hearingOutcomes;
        spells = List.copyOf(spells);
        suspensions = List.copyOf(suspensions);
        trialHearings = Set.copyOf(trialHearings);
        hearingOutcomes = List.copyOf(hearingOutcomes);
    }

    /** The record of a case as its filing makes it. */
    public static CaseRecord filed(CaseFiled event, long sequence) {
        return new CaseRecord(event.caseId().value(), event.offence(), event.victims(), event.accused(),
                event.filedOn(), event.incidentOn(),
                List.of(new Spell(event.tribunalId().value(), event.filedOn(), Spell.Entry.FILED, event.filedOn(),
                        null, null, 0)),
                List.of(), Set.of(), null, List.of(), sequence);
    }

    /**
     * One step of the fold every reader of the log shares (live projection, bulk rebuild, auditors' replay): a
     * filing starts the record, any later event moves it on.
     *
     * @param record   the case's record so far, or {@code null} when none has been started
     * @param event    the case's next event
     * @param sequence the event's sequence number within the case
     * @return the record after the event, or {@code null} when the event came before the case's filing (it then
     *     has nothing to change)
     */
    public static CaseRecord next(CaseRecord record, CaseEvent event, long sequence) {
        if (record != null) {
            return record.apply(event, sequence);
        }
        return event instanceof CaseFiled filed ? filed(filed, sequence) : null;
    }

    /**
     * Folds one more event of the case in. An event already folded in (sequence not above {@link #lastSequence})
     * leaves the record as it is, so a replayed batch never counts twice.
     */
    public CaseRecord apply(CaseEvent event, long sequence) {
        if (sequence <= lastSequence) {
            return this;
        }
        return fold(event).withLastSequence(sequence);
    }

    private CaseRecord fold(CaseEvent event) {
        if (event instanceof HearingScheduled scheduled) {
            return scheduled.kind() == HearingKind.TRIAL
                    ? withCurrent(current().withTrialSetting()).withTrialHearing(scheduled.hearingId().value())
                    : this;
        }
        if (event instanceof HearingHeld held) {
            HearingKind kind = kindOf(held.hearingId().value());
            LocalDate firstTrial = kind == HearingKind.TRIAL && firstTrialHeldOn == null ? held.on() : firstTrialHeldOn;
            return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, spells, suspensions,
                    trialHearings, firstTrial, append(hearingOutcomes, new HearingOutcome(held.on(),
                    current().tribunalId(), kind, null)), lastSequence);
        }
        if (event instanceof HearingAdjourned adjourned) {
            return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, spells, suspensions,
                    trialHearings, firstTrialHeldOn, append(hearingOutcomes, new HearingOutcome(adjourned.on(),
                    current().tribunalId(), kindOf(adjourned.hearingId().value()), adjourned.reason())),
                    lastSequence);
        }
        if (event instanceof JudgmentIssued judged) {
            return leaves(judged.on(), Spell.Exit.JUDGED);
        }
        if (event instanceof CaseDismissed dismissed) {
            return leaves(dismissed.on(), Spell.Exit.DISMISSED);
        }
        if (event instanceof CaseWithdrawn withdrawn) {
            return leaves(withdrawn.on(), Spell.Exit.WITHDRAWN);
        }
        if (event instanceof CaseTransferred transferred) {
            return leaves(transferred.on(), Spell.Exit.TRANSFERRED_OUT)
                    .enters(new Spell(transferred.toTribunalId().value(), transferred.on(), Spell.Entry.TRANSFERRED_IN,
                            current().proceedingStart(), null, null, 0));
        }
        if (event instanceof CaseSuspended suspended) {
            return withSuspensions(append(suspensions, new Suspension(suspended.on(), null, suspended.reason())));
        }
        if (event instanceof CaseResumed resumed) {
            return endSuspension(resumed.on());
        }
        if (event instanceof CaseReopened reopened) {
            return enters(new Spell(current().tribunalId(), reopened.on(), Spell.Entry.REOPENED, reopened.on(),
                    null, null, 0));
        }
        // CaseFiled starts a record (see filed).
        return this;
    }

    /** The latest spell: where the case is, or was last. */
    public Spell current() {
        return spells.get(spells.size() - 1);
    }

    /** The spell at the tribunal that holds the case pending on the day, if any. */
    public Optional<Spell> pendingAt(String tribunalId, LocalDate day) {
        // A loop, not a stream: forecasts and measures ask this of every record for many days.
        for (Spell spell : spells) {
            if (spell.tribunalId().equals(tribunalId) && spell.pendingOn(day)) {
                return Optional.of(spell);
            }
        }
        return Optional.empty();
    }

    /** Suspended on the day. */
    public boolean suspendedOn(LocalDate day) {
        return suspensions.stream().anyMatch(s -> s.covers(day));
    }

    /** Not brought to trial on or before the day. */
    public boolean neverTriedBy(LocalDate day) {
        return firstTrialHeldOn == null || firstTrialHeldOn.isAfter(day);
    }

    /** Days from the start of the spell's proceeding to the day, less the days suspended meanwhile (CourTools 4). */
    public long activeDays(Spell spell, LocalDate day) {
        LocalDate start = spell.proceedingStart();
        long suspended = suspensions.stream().mapToLong(s -> s.daysWithin(start, day)).sum();
        return ChronoUnit.DAYS.between(start, day) - suspended;
    }

    /** A hearing's kind: its id is among the trial hearings', or it is a preliminary one. */
    private HearingKind kindOf(String hearingId) {
        return trialHearings.contains(hearingId) ? HearingKind.TRIAL : HearingKind.PRELIMINARY;
    }

    /**
     * The latest procedural step of the case on or before the day: its filing, a hearing held or adjourned, a
     * transfer, a suspension or resumption, a reopening, a disposal. Scheduling a hearing is no step: its date is the
     * hearing's, a plan, not something that happened.
     */
    public LocalDate lastStepBy(LocalDate day) {
        LocalDate last = filedOn;
        for (Spell spell : spells) {
            last = laterOnOrBefore(last, spell.enteredOn(), day);
            last = laterOnOrBefore(last, spell.leftOn(), day);
        }
        for (Suspension suspension : suspensions) {
            last = laterOnOrBefore(last, suspension.from(), day);
            last = laterOnOrBefore(last, suspension.to(), day);
        }
        for (HearingOutcome outcome : hearingOutcomes) {
            last = laterOnOrBefore(last, outcome.on(), day);
        }
        return last;
    }

    /**
     * The latest hearing held or adjourned at the tribunal from {@code since} to {@code day}, both included (the
     * later of two on one day is the one recorded later), or {@code null} when there was none.
     */
    public HearingOutcome latestHearing(String tribunalId, LocalDate since, LocalDate day) {
        HearingOutcome latest = null;
        for (HearingOutcome outcome : hearingOutcomes) {
            if (outcome.tribunalId().equals(tribunalId) && !outcome.on().isBefore(since) && !outcome.on().isAfter(day)
                    && (latest == null || !outcome.on().isBefore(latest.on()))) {
                latest = outcome;
            }
        }
        return latest;
    }

    /** Days from the incident to the filing, or {@code null} when the filing gave no incident date. */
    public Long reportingDays() {
        return incidentOn == null ? null : ChronoUnit.DAYS.between(incidentOn, filedOn);
    }

    /** The suspension that covers the day, if any. */
    public Optional<Suspension> suspensionOn(LocalDate day) {
        return suspensions.stream().filter(s -> s.covers(day)).findFirst();
    }

    private static LocalDate laterOnOrBefore(LocalDate last, LocalDate candidate, LocalDate day) {
        return candidate != null && !candidate.isAfter(day) && candidate.isAfter(last) ? candidate : last;
    }

    /** Tribunals the case has ever been at. */
    public Set<String> tribunals() {
        Set<String> tribunals = new TreeSet<>();
        spells.forEach(spell -> tribunals.add(spell.tribunalId()));
        return tribunals;
    }

    private CaseRecord leaves(LocalDate on, Spell.Exit how) {
        CaseRecord left = withCurrent(current().closed(on, how));
        return how.disposes() ? left.endSuspension(on) : left;
    }

    private CaseRecord enters(Spell spell) {
        return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, append(spells, spell),
                suspensions, trialHearings, firstTrialHeldOn, hearingOutcomes, lastSequence);
    }

    private CaseRecord endSuspension(LocalDate on) {
        if (suspensions.isEmpty() || suspensions.get(suspensions.size() - 1).to() != null) {
            return this;
        }
        List<Suspension> ended = new ArrayList<>(suspensions);
        Suspension open = ended.get(ended.size() - 1);
        ended.set(ended.size() - 1, new Suspension(open.from(), on, open.reason()));
        return withSuspensions(ended);
    }

    private CaseRecord withCurrent(Spell spell) {
        List<Spell> replaced = new ArrayList<>(spells);
        replaced.set(replaced.size() - 1, spell);
        return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, replaced, suspensions,
                trialHearings, firstTrialHeldOn, hearingOutcomes, lastSequence);
    }

    private CaseRecord withTrialHearing(String hearingId) {
        Set<String> hearings = new TreeSet<>(trialHearings);
        hearings.add(hearingId);
        return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, spells, suspensions, hearings,
                firstTrialHeldOn, hearingOutcomes, lastSequence);
    }

    private CaseRecord withSuspensions(List<Suspension> changed) {
        return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, spells, changed, trialHearings,
                firstTrialHeldOn, hearingOutcomes, lastSequence);
    }

    private CaseRecord withLastSequence(long sequence) {
        return new CaseRecord(caseId, offence, victims, accused, filedOn, incidentOn, spells, suspensions,
                trialHearings, firstTrialHeldOn, hearingOutcomes, sequence);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> appended = new ArrayList<>(list);
        appended.add(element);
        return appended;
    }
}
