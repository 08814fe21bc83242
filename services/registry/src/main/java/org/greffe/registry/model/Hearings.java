package org.greffe.registry.model;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hearings of one case and the state each is in. */
final class Hearings {

    enum State { SCHEDULED, ADJOURNED, HELD, VACATED }

    record Hearing(HearingKind kind, LocalDate date, State state) {
    }

    /** In the order they were scheduled. */
    private final Map<HearingId, Hearing> byId = new LinkedHashMap<>();

    void requireNew(HearingId hearingId) {
        if (byId.containsKey(hearingId)) {
            throw new CaseRuleViolation(Rule.HEARING_ID_TAKEN, "hearing " + hearingId + " already exists",
                    Wording.of("hearing.id-taken", hearingId));
        }
    }

    /** The hearing, which must exist and still be scheduled. */
    Hearing requireOpen(CaseId caseId, HearingId hearingId) {
        Hearing hearing = byId.get(hearingId);
        if (hearing == null) {
            throw new HearingNotFound(caseId, hearingId);
        }
        if (hearing.state() != State.SCHEDULED) {
            throw new CaseRuleViolation(Rule.HEARING_NOT_OPEN,
                    "hearing " + hearingId + " is " + hearing.state().name().toLowerCase(),
                    Wording.of("hearing.not-open", hearingId, Wording.of("state." + hearing.state().name())));
        }
        return hearing;
    }

    HearingKind kindOf(HearingId hearingId) {
        Hearing hearing = byId.get(hearingId);
        return hearing == null ? null : hearing.kind();
    }

    /** Every hearing, in the order it was scheduled. */
    Map<HearingId, Hearing> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    void scheduled(HearingId hearingId, HearingKind kind, LocalDate date) {
        byId.put(hearingId, new Hearing(kind, date, State.SCHEDULED));
    }

    void moved(HearingId hearingId, State state) {
        byId.computeIfPresent(hearingId, (id, hearing) -> new Hearing(hearing.kind(), hearing.date(), state));
    }

    /** Hearings still scheduled when the case leaves the tribunal or is disposed of will not take place. */
    void vacateOpen() {
        byId.replaceAll((id, hearing) -> hearing.state() == State.SCHEDULED
                ? new Hearing(hearing.kind(), hearing.date(), State.VACATED) : hearing);
    }
}
