package org.greffe.registry.model;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseDismissed;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseReopened;
import org.greffe.events.CaseResumed;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case's state as the registry desk reads it, and what it offers next, from the aggregate's own rules. */
class CaseFileTest {

    private static final CaseId CASE = CaseId.random();
    private static final TribunalId COMMUNE_III = new TribunalId("bamako-commune-iii");
    private static final TribunalId MOPTI = new TribunalId("mopti");
    private static final HearingId PRELIMINARY = HearingId.random();
    private static final HearingId TRIAL = HearingId.random();

    private final List<Object> events = new ArrayList<>(List.of(new CaseFiled(CASE, "RG-2019-0042", COMMUNE_III,
            LocalDate.of(2019, 3, 14), LocalDate.of(2018, 11, 2), OffenceCategory.RAPE, new Victims(1, 2, 0, 0),
            AccusedAffiliation.NON_STATE_ARMED_GROUP, "CMA")));

    private CaseFile.View view() {
        return CaseFile.of(events, events.size() - 1);
    }

    @Test
    void aCaseJustFiledIsActiveWithNoHearingAndOffersWhatAPendingCaseAllows() {
        CaseFile.View filed = view();

        assertThat(filed.caseId()).isEqualTo(CASE.value());
        assertThat(filed.docketNumber()).isEqualTo("RG-2019-0042");
        assertThat(filed.tribunalId()).isEqualTo("bamako-commune-iii");
        assertThat(filed.filedAt()).isEqualTo("bamako-commune-iii");
        assertThat(filed.incidentOn()).isEqualTo("2018-11-02");
        assertThat(filed.status()).isEqualTo("ACTIVE");
        assertThat(filed.latestOn()).isEqualTo("2019-03-14");
        assertThat(filed.hearings()).isEmpty();
        assertThat(filed.version()).isZero();
        assertThat(filed.actions()).containsExactly("hearings", "dismissal", "withdrawal", "transfer", "suspension");
    }

    @Test
    void hearingsKeepTheirOrderStateAndOutcomeAndAJudgmentIsOfferedOnlyOnceATrialWasHeld() {
        events.add(new HearingScheduled(CASE, PRELIMINARY, HearingKind.PRELIMINARY, LocalDate.of(2019, 5, 2)));
        events.add(new HearingHeld(CASE, PRELIMINARY, LocalDate.of(2019, 5, 2)));
        events.add(new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, LocalDate.of(2019, 10, 2)));
        assertThat(view().actions()).doesNotContain("judgment");
        assertThat(view().hearings().get(1).actions()).containsExactly("held", "adjournment");

        events.add(new HearingAdjourned(CASE, TRIAL, LocalDate.of(2019, 10, 2), AdjournmentReason.ACCUSED_ABSENT));
        CaseFile.View adjourned = view();
        assertThat(adjourned.hearings()).extracting(CaseFile.HearingView::state).containsExactly("HELD", "ADJOURNED");
        assertThat(adjourned.hearings().get(1).reason()).isEqualTo("ACCUSED_ABSENT");
        assertThat(adjourned.hearings().get(1).on()).isEqualTo("2019-10-02");
        assertThat(adjourned.hearings().get(1).actions()).isEmpty();
        assertThat(adjourned.actions()).doesNotContain("judgment");
        assertThat(adjourned.latestOn()).isEqualTo("2019-10-02");

        HearingId retrial = HearingId.random();
        events.add(new HearingScheduled(CASE, retrial, HearingKind.TRIAL, LocalDate.of(2019, 11, 20)));
        events.add(new HearingHeld(CASE, retrial, LocalDate.of(2019, 11, 20)));
        assertThat(view().trialHeld()).isTrue();
        assertThat(view().actions()).containsExactly("hearings", "judgment", "dismissal", "withdrawal", "transfer",
                "suspension");
        assertThat(view().version()).isEqualTo(6);
    }

    @Test
    void aSuspendedCaseOffersResumptionAndNoHearingButItsScheduledHearingCanStillBeAdjourned() {
        events.add(new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, LocalDate.of(2019, 10, 2)));
        events.add(new CaseSuspended(CASE, LocalDate.of(2019, 6, 1), SuspensionReason.ACCUSED_AT_LARGE));

        CaseFile.View suspended = view();
        assertThat(suspended.status()).isEqualTo("SUSPENDED");
        assertThat(suspended.suspension().reason()).isEqualTo("ACCUSED_AT_LARGE");
        assertThat(suspended.actions()).containsExactly("dismissal", "withdrawal", "resumption");
        assertThat(suspended.hearings().get(0).actions()).containsExactly("adjournment");

        events.add(new CaseResumed(CASE, LocalDate.of(2019, 7, 1)));
        assertThat(view().status()).isEqualTo("ACTIVE");
        assertThat(view().suspension()).isNull();
    }

    @Test
    void aSuspendedCaseDisposedOfAndReopenedIsNoLongerSuspended() {
        events.add(new CaseSuspended(CASE, LocalDate.of(2019, 6, 1), SuspensionReason.ACCUSED_AT_LARGE));
        events.add(new CaseDismissed(CASE, LocalDate.of(2019, 7, 1), DismissalReason.TIME_BARRED));
        assertThat(view().suspension()).isNull();
        events.add(new CaseReopened(CASE, LocalDate.of(2019, 8, 1), ReopeningReason.NEW_EVIDENCE));

        CaseFile.View reopened = view();
        assertThat(reopened.status()).isEqualTo("ACTIVE");
        assertThat(reopened.suspension()).isNull();
        assertThat(reopened.actions()).contains("hearings", "suspension").doesNotContain("resumption");
    }

    @Test
    void aDisposedCaseVacatesItsOpenHearingsAndOffersOnlyReopeningWhichClearsTheTrial() {
        events.add(new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, LocalDate.of(2019, 10, 2)));
        events.add(new HearingHeld(CASE, TRIAL, LocalDate.of(2019, 10, 2)));
        HearingId next = HearingId.random();
        events.add(new HearingScheduled(CASE, next, HearingKind.TRIAL, LocalDate.of(2019, 12, 2)));
        events.add(new JudgmentIssued(CASE, LocalDate.of(2019, 10, 20), Verdict.CONVICTION));

        CaseFile.View judged = view();
        assertThat(judged.status()).isEqualTo("DISPOSED");
        assertThat(judged.disposal()).isEqualTo(new CaseFile.Outcome(LocalDate.of(2019, 10, 20), "JUDGMENT",
                "CONVICTION"));
        assertThat(judged.hearings()).extracting(CaseFile.HearingView::state).containsExactly("HELD", "VACATED");
        assertThat(judged.actions()).containsExactly("reopening");

        events.add(new CaseReopened(CASE, LocalDate.of(2020, 2, 3), ReopeningReason.REMAND));
        CaseFile.View reopened = view();
        assertThat(reopened.status()).isEqualTo("ACTIVE");
        assertThat(reopened.disposal()).isNull();
        assertThat(reopened.trialHeld()).isFalse();
        assertThat(reopened.actions()).doesNotContain("judgment", "reopening");
    }

    @Test
    void aTransferMovesTheCaseVacatesItsHearingsAndNeedsANewTrialThere() {
        events.add(new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, LocalDate.of(2019, 10, 2)));
        events.add(new HearingHeld(CASE, TRIAL, LocalDate.of(2019, 10, 2)));
        events.add(new HearingScheduled(CASE, PRELIMINARY, HearingKind.PRELIMINARY, LocalDate.of(2019, 12, 2)));
        events.add(new CaseTransferred(CASE, LocalDate.of(2019, 11, 1), COMMUNE_III, MOPTI));

        CaseFile.View moved = view();
        assertThat(moved.tribunalId()).isEqualTo("mopti");
        assertThat(moved.filedAt()).isEqualTo("bamako-commune-iii");
        assertThat(moved.trialHeld()).isFalse();
        assertThat(moved.hearings()).extracting(CaseFile.HearingView::state).containsExactly("HELD", "VACATED");
        assertThat(moved.actions()).doesNotContain("judgment");

        events.add(new CaseDismissed(CASE, LocalDate.of(2020, 1, 5), DismissalReason.TIME_BARRED));
        assertThat(view().disposal()).isEqualTo(new CaseFile.Outcome(LocalDate.of(2020, 1, 5), "DISMISSAL",
                "TIME_BARRED"));
    }

    @Test
    void aHistoryThatDoesNotStartWithItsFilingIsNoCase() {
        assertThatThrownBy(() -> CaseFile.of(List.of(new CaseResumed(CASE, LocalDate.of(2019, 7, 1))), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
