package org.greffe.events;

import java.time.LocalDate;
import java.util.List;

/** One representative instance of every event type; the golden files pin their JSON. */
final class EventSamples {

    static final CaseId CASE = new CaseId("3f1c2a9e-5b7d-4e0a-9c61-2d8f4b7a1e05");
    static final HearingId HEARING = new HearingId("8a0d6c4e-1f3b-4a7e-b2d9-5c6e7f8a9b10");
    static final TribunalId BAMAKO_III = new TribunalId("bamako-commune-iii");
    static final TribunalId MOPTI = new TribunalId("mopti");

    private EventSamples() {
    }

    static List<CaseEvent> all() {
        return List.of(
                new CaseFiled(CASE, "RG-2019-0042", BAMAKO_III, LocalDate.of(2019, 3, 14), LocalDate.of(2018, 11, 2),
                        OffenceCategory.RAPE, new Victims(1, 2, 0, 0), AccusedAffiliation.NON_STATE_ARMED_GROUP,
                        "CMA"),
                new HearingScheduled(CASE, HEARING, HearingKind.TRIAL, LocalDate.of(2019, 10, 2)),
                new HearingAdjourned(CASE, HEARING, LocalDate.of(2019, 10, 2), AdjournmentReason.ACCUSED_ABSENT),
                new HearingHeld(CASE, HEARING, LocalDate.of(2019, 11, 20)),
                new JudgmentIssued(CASE, LocalDate.of(2019, 12, 5), Verdict.CONVICTION),
                new CaseDismissed(CASE, LocalDate.of(2019, 12, 5), DismissalReason.INSUFFICIENT_EVIDENCE),
                new CaseWithdrawn(CASE, LocalDate.of(2019, 12, 5)),
                new CaseTransferred(CASE, LocalDate.of(2019, 6, 1), BAMAKO_III, MOPTI),
                new CaseSuspended(CASE, LocalDate.of(2019, 6, 1), SuspensionReason.ACCUSED_AT_LARGE),
                new CaseResumed(CASE, LocalDate.of(2019, 9, 1)),
                new CaseReopened(CASE, LocalDate.of(2020, 2, 3), ReopeningReason.REMAND));
    }
}
