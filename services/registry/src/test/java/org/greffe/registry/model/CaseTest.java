package org.greffe.registry.model;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseDismissed;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Every outcome of every command: the events it applies, or the rule it breaks with nothing applied. */
class CaseTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 3);
    private static final CaseId CASE = new CaseId("case-1");
    private static final TribunalId BAMAKO = new TribunalId("bamako-commune-iii");
    private static final TribunalId MOPTI = new TribunalId("mopti");
    private static final TribunalId NOWHERE = new TribunalId("nowhere");
    private static final HearingId TRIAL = new HearingId("h-trial");
    private static final HearingId PRELIM = new HearingId("h-prelim");
    private static final LocalDate FILED = LocalDate.of(2019, 3, 14);
    private static final LocalDate INCIDENT = LocalDate.of(2018, 11, 2);
    private static final Victims VICTIMS = new Victims(1, 2, 0, 0);
    private static final DocketNumberFormat MOPTI_FORMAT =
            ConfiguredDocketNumberFormat.of("RP/[0-9]{1,5}/(19[6-9][0-9]|20[0-9]{2})", "RP/117/2019");

    private static final CaseFiled FILED_EVENT = new CaseFiled(CASE, "RG-2019-0042", BAMAKO, FILED, INCIDENT,
            OffenceCategory.RAPE, VICTIMS, AccusedAffiliation.NON_STATE_ARMED_GROUP, "CMA");
    private static final HearingScheduled TRIAL_SET =
            new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, LocalDate.of(2019, 10, 2));
    private static final HearingHeld TRIAL_HELD = new HearingHeld(CASE, TRIAL, LocalDate.of(2019, 10, 2));
    private static final JudgmentIssued JUDGED =
            new JudgmentIssued(CASE, LocalDate.of(2019, 11, 5), Verdict.CONVICTION);
    private static final CaseSuspended SUSPENDED =
            new CaseSuspended(CASE, LocalDate.of(2019, 5, 1), SuspensionReason.ACCUSED_AT_LARGE);

    private FixtureConfiguration<Case> fixture;
    private final Set<String> claimedDockets = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(new ReferenceData() {
            @Override
            public boolean isKnownTribunal(TribunalId tribunalId) {
                return tribunalId.equals(BAMAKO) || tribunalId.equals(MOPTI);
            }

            @Override
            public boolean isKnownArmedGroup(String code) {
                return Set.of("CMA", "MSA").contains(code);
            }

            @Override
            public DocketNumberFormat docketNumberFormat(TribunalId tribunalId) {
                return tribunalId.equals(MOPTI) ? MOPTI_FORMAT : DocketNumberFormat.STANDARD;
            }
        });
        fixture.registerInjectableResource(new DocketNumbers() {
            @Override
            public boolean claim(TribunalId tribunal, String docket, CaseId caseId) {
                return claimedDockets.add(tribunal + "/" + docket);
            }

            @Override
            public Optional<CaseId> find(TribunalId tribunal, String docket) {
                return Optional.empty();
            }
        });
    }

    private static FileCase fileCase(LocalDate filedOn) {
        return new FileCase(CASE, "RG-2019-0042", BAMAKO, filedOn, INCIDENT, OffenceCategory.RAPE, VICTIMS,
                AccusedAffiliation.NON_STATE_ARMED_GROUP, "CMA");
    }


    @Nested
    class Filing {

        @Test
        void filesANewCaseAndReturnsVersionZero() {
            fixture.givenNoPriorActivity()
                   .when(fileCase(FILED))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(FILED_EVENT)
                   .expectResultMessagePayload(0L);
            assertThat(claimedDockets).containsExactly("bamako-commune-iii/RG-2019-0042");
        }

        @Test
        void aCaseIdIsNeverFiledTwice() {
            fixture.given(FILED_EVENT)
                   .when(fileCase(FILED))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("never filed twice"))
                   .expectNoEvents();
        }

        @Test
        void aDocketNumberTakenAtTheTribunalIsRefused() {
            claimedDockets.add("bamako-commune-iii/RG-2019-0042");
            fixture.givenNoPriorActivity()
                   .when(fileCase(FILED))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("docket number is unique"))
                   .expectNoEvents();
        }

        @Test
        void anUnknownTribunalIsRefusedBeforeTheDocketNumberIsClaimed() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "RG-2019-0042", NOWHERE, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.UNIDENTIFIED, null))
                   .expectException(UnknownReferenceData.class)
                   .expectNoEvents();
            assertThat(claimedDockets).isEmpty();
        }

        @Test
        void aDocketNumberThatReadsAsANameIsRefusedBeforeItIsClaimed() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "Aminata Traore", BAMAKO, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.UNIDENTIFIED, null))
                   .expectException(InvalidCommand.class)
                   .expectExceptionMessage(allOf(containsString("RG-2019-0042"), containsString("a year")))
                   .expectNoEvents();
            assertThat(claimedDockets).isEmpty();
        }

        @Test
        void aTribunalWithItsOwnFormatChecksThatOne() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "RG-2019-0042", MOPTI, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.UNIDENTIFIED, null))
                   .expectException(InvalidCommand.class)
                   .expectExceptionMessage(containsString("such as RP/117/2019"))
                   .expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "rp/42/2019", MOPTI, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.UNIDENTIFIED, null))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCaseFiledUnderAnOlderLooserRuleGoesOn() {
            fixture.given(new CaseFiled(CASE, "Dossier 42", BAMAKO, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.UNIDENTIFIED, null))
                   .when(new WithdrawCase(CASE, LocalDate.of(2019, 6, 1), null))
                   .expectEvents(new CaseWithdrawn(CASE, LocalDate.of(2019, 6, 1)));
        }

        @Test
        void anUnknownArmedGroupIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "RG-2019-0042", BAMAKO, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.NON_STATE_ARMED_GROUP, "XYZ"))
                   .expectException(UnknownReferenceData.class)
                   .expectNoEvents();
        }

        @Test
        void anArmedGroupIsOnlyNamedForNonStateArmedGroups() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "RG-2019-0042", BAMAKO, FILED, null, OffenceCategory.RAPE, VICTIMS,
                           AccusedAffiliation.STATE_FORCES, "CMA"))
                   .expectException(InvalidCommand.class)
                   .expectNoEvents();
        }

        @Test
        void aFilingCannotBeDatedInTheFuture() {
            fixture.givenNoPriorActivity()
                   .when(fileCase(TODAY.plusDays(1)))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be dated in the future"))
                   .expectNoEvents();
        }

        @Test
        void aFilingBeforeTheEarliestAcceptedDateIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(fileCase(LocalDate.of(1959, 12, 31)))
                   .expectException(CaseRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void anIncidentIsNotDatedAfterTheFiling() {
            fixture.givenNoPriorActivity()
                   .when(new FileCase(CASE, "RG-2019-0042", BAMAKO, FILED, FILED.plusDays(1), OffenceCategory.RAPE,
                           VICTIMS, AccusedAffiliation.UNIDENTIFIED, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("on or before the filing date"))
                   .expectNoEvents();
        }

        @Test
        void aLateRegistrationOfAnOldFilingIsAccepted() {
            fixture.givenNoPriorActivity()
                   .when(fileCase(LocalDate.of(2018, 12, 1)))
                   .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Hearings {

        @Test
        void schedulesATrialHearingInTheFuture() {
            var date = TODAY.plusMonths(2);
            fixture.given(FILED_EVENT)
                   .when(new ScheduleHearing(CASE, TRIAL, HearingKind.TRIAL, date, null))
                   .expectEvents(new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, date))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void aHearingCannotBeSetBeforeTheFilingDate() {
            fixture.given(FILED_EVENT)
                   .when(new ScheduleHearing(CASE, TRIAL, HearingKind.TRIAL, FILED.minusDays(1), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("before the filing date"))
                   .expectNoEvents();
        }

        @Test
        void aHearingDecadesAheadIsATypingError() {
            fixture.given(FILED_EVENT)
                   .when(new ScheduleHearing(CASE, TRIAL, HearingKind.TRIAL, TODAY.plusYears(11), null))
                   .expectException(InvalidCommand.class)
                   .expectNoEvents();
        }

        @Test
        void aHearingIdIsUsedOnce() {
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new ScheduleHearing(CASE, TRIAL, HearingKind.TRIAL, TODAY, null))
                   .expectException(CaseRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void anUnknownCaseIsNotFound() {
            fixture.givenNoPriorActivity()
                   .when(new ScheduleHearing(CASE, TRIAL, HearingKind.TRIAL, TODAY, null))
                   .expectException(AggregateNotFoundException.class)
                   .expectNoEvents();
        }

        @Test
        void adjournsAScheduledHearing() {
            var adjourned = new HearingAdjourned(CASE, TRIAL, LocalDate.of(2019, 10, 2),
                    AdjournmentReason.WITNESS_ABSENT);
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new AdjournHearing(CASE, TRIAL, adjourned.on(), adjourned.reason(), null))
                   .expectEvents(adjourned);
        }

        @Test
        void anAdjournedHearingCannotBeHeldOrAdjournedAgain() {
            var adjourned = new HearingAdjourned(CASE, TRIAL, LocalDate.of(2019, 10, 2),
                    AdjournmentReason.WITNESS_ABSENT);
            fixture.given(FILED_EVENT, TRIAL_SET, adjourned)
                   .when(new HoldHearing(CASE, TRIAL, LocalDate.of(2019, 10, 3), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("is adjourned"))
                   .expectNoEvents();
            fixture.given(FILED_EVENT, TRIAL_SET, adjourned)
                   .when(new AdjournHearing(CASE, TRIAL, LocalDate.of(2019, 10, 3), AdjournmentReason.OTHER, null))
                   .expectException(CaseRuleViolation.class)
                   .expectNoEvents();
        }

        @Test
        void anUnknownHearingIsNotFound() {
            fixture.given(FILED_EVENT)
                   .when(new HoldHearing(CASE, TRIAL, TODAY, null))
                   .expectException(HearingNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void holdsAScheduledHearingOnOrAfterItsDate() {
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new HoldHearing(CASE, TRIAL, TRIAL_SET.date(), null))
                   .expectEvents(TRIAL_HELD)
                   .expectResultMessagePayload(2L);
        }

        @Test
        void aHearingIsNotHeldBeforeItsDate() {
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new HoldHearing(CASE, TRIAL, TRIAL_SET.date().minusDays(1), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("before the date it was scheduled"))
                   .expectNoEvents();
        }

        @Test
        void aHeldHearingIsNotHeldTwice() {
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD)
                   .when(new HoldHearing(CASE, TRIAL, TODAY, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("is held"))
                   .expectNoEvents();
        }

        @Test
        void aHearingCannotBeHeldInTheFuture() {
            var future = new HearingScheduled(CASE, TRIAL, HearingKind.TRIAL, TODAY.plusDays(10));
            fixture.given(FILED_EVENT, future)
                   .when(new HoldHearing(CASE, TRIAL, TODAY.plusDays(10), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("cannot be dated in the future"))
                   .expectNoEvents();
        }

        @Test
        void eventsAreRecordedInTheOrderTheyHappened() {
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD)
                   .when(new ScheduleHearing(CASE, PRELIM, HearingKind.PRELIMINARY, LocalDate.of(2019, 9, 1), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("order they happened"))
                   .expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new HoldHearing(CASE, TRIAL, TRIAL_SET.date(), 0L))
                   .expectException(ConflictingAggregateVersionException.class)
                   .expectNoEvents();
        }

        @Test
        void theCurrentVersionIsAccepted() {
            fixture.given(FILED_EVENT, TRIAL_SET)
                   .when(new HoldHearing(CASE, TRIAL, TRIAL_SET.date(), 1L))
                   .expectEvents(TRIAL_HELD);
        }
    }

    @Nested
    class Disposal {

        @Test
        void judgesACaseBroughtToTrial() {
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD)
                   .when(new IssueJudgment(CASE, JUDGED.on(), Verdict.CONVICTION, null))
                   .expectEvents(JUDGED);
        }

        @Test
        void aJudgmentNeedsAHeldTrialHearing() {
            var prelimSet = new HearingScheduled(CASE, PRELIM, HearingKind.PRELIMINARY, LocalDate.of(2019, 5, 2));
            var prelimHeld = new HearingHeld(CASE, PRELIM, LocalDate.of(2019, 5, 2));
            fixture.given(FILED_EVENT, prelimSet, prelimHeld, TRIAL_SET)
                   .when(new IssueJudgment(CASE, TODAY, Verdict.ACQUITTAL, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("needs a held TRIAL hearing"))
                   .expectNoEvents();
        }

        @Test
        void dismissesACase() {
            var dismissed = new CaseDismissed(CASE, TODAY, DismissalReason.TIME_BARRED);
            fixture.given(FILED_EVENT)
                   .when(new DismissCase(CASE, TODAY, DismissalReason.TIME_BARRED, null))
                   .expectEvents(dismissed);
        }

        @Test
        void aSuspendedCaseCanBeDismissedOrWithdrawn() {
            fixture.given(FILED_EVENT, SUSPENDED)
                   .when(new DismissCase(CASE, TODAY, DismissalReason.TIME_BARRED, null))
                   .expectEvents(new CaseDismissed(CASE, TODAY, DismissalReason.TIME_BARRED));
            fixture.given(FILED_EVENT, SUSPENDED)
                   .when(new WithdrawCase(CASE, TODAY, null))
                   .expectEvents(new CaseWithdrawn(CASE, TODAY));
        }

        @Test
        void withdrawsACase() {
            fixture.given(FILED_EVENT)
                   .when(new WithdrawCase(CASE, TODAY, null))
                   .expectEvents(new CaseWithdrawn(CASE, TODAY));
        }

        @Test
        void aDisposedCaseAcceptsNothingButReopening() {
            Object[] disposed = {FILED_EVENT, TRIAL_SET, TRIAL_HELD, JUDGED};
            Object[] refused = {
                    new ScheduleHearing(CASE, PRELIM, HearingKind.TRIAL, TODAY, null),
                    new IssueJudgment(CASE, TODAY, Verdict.CONVICTION, null),
                    new DismissCase(CASE, TODAY, DismissalReason.OTHER, null),
                    new WithdrawCase(CASE, TODAY, null),
                    new TransferCase(CASE, TODAY, MOPTI, null),
                    new SuspendCase(CASE, TODAY, SuspensionReason.OTHER, null),
                    new ResumeCase(CASE, TODAY, null)};
            for (Object command : refused) {
                fixture.given(disposed)
                       .when(command)
                       .expectException(CaseRuleViolation.class)
                       .expectExceptionMessage(containsString("accepts nothing but reopening"))
                       .expectNoEvents();
            }
        }

        @Test
        void openHearingsOfADisposedCaseAreVacated() {
            var prelimSet = new HearingScheduled(CASE, PRELIM, HearingKind.PRELIMINARY, TODAY.plusDays(5));
            fixture.given(FILED_EVENT, prelimSet, new CaseWithdrawn(CASE, TODAY),
                           new CaseReopened(CASE, TODAY, ReopeningReason.NEW_EVIDENCE))
                   .when(new HoldHearing(CASE, PRELIM, TODAY, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("is vacated"))
                   .expectNoEvents();
        }
    }

    @Nested
    class TransferSuspensionReopening {

        @Test
        void transfersToAnotherKnownTribunal() {
            fixture.given(FILED_EVENT)
                   .when(new TransferCase(CASE, TODAY, MOPTI, null))
                   .expectEvents(new CaseTransferred(CASE, TODAY, BAMAKO, MOPTI));
        }

        @Test
        void aTransferredCaseGoesOnAtTheReceivingTribunalAndNeedsATrialThere() {
            var transferred = new CaseTransferred(CASE, LocalDate.of(2019, 11, 1), BAMAKO, MOPTI);
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD, transferred)
                   .when(new IssueJudgment(CASE, TODAY, Verdict.CONVICTION, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(allOf(containsString("no held TRIAL hearing"), containsString("mopti")))
                   .expectNoEvents();
            fixture.given(FILED_EVENT, transferred)
                   .when(new TransferCase(CASE, TODAY, BAMAKO, null))
                   .expectEvents(new CaseTransferred(CASE, TODAY, MOPTI, BAMAKO));
        }

        @Test
        void aTransferGoesToAnotherTribunal() {
            fixture.given(FILED_EVENT)
                   .when(new TransferCase(CASE, TODAY, BAMAKO, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("goes to another tribunal"))
                   .expectNoEvents();
        }

        @Test
        void aTransferGoesToAKnownTribunal() {
            fixture.given(FILED_EVENT)
                   .when(new TransferCase(CASE, TODAY, NOWHERE, null))
                   .expectException(UnknownReferenceData.class)
                   .expectNoEvents();
        }

        @Test
        void suspendsAnActiveCase() {
            fixture.given(FILED_EVENT)
                   .when(new SuspendCase(CASE, SUSPENDED.on(), SUSPENDED.reason(), null))
                   .expectEvents(SUSPENDED);
        }

        @Test
        void aSuspendedCaseIsNotSuspendedAgain() {
            fixture.given(FILED_EVENT, SUSPENDED)
                   .when(new SuspendCase(CASE, TODAY, SuspensionReason.OTHER, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("only an active case can be suspended"))
                   .expectNoEvents();
        }

        @Test
        void aSuspendedCaseNeedsResumingBeforeHearingsJudgmentOrTransfer() {
            Object[] refused = {
                    new ScheduleHearing(CASE, PRELIM, HearingKind.TRIAL, TODAY, null),
                    new IssueJudgment(CASE, TODAY, Verdict.CONVICTION, null),
                    new TransferCase(CASE, TODAY, MOPTI, null)};
            for (Object command : refused) {
                fixture.given(FILED_EVENT, SUSPENDED)
                       .when(command)
                       .expectException(CaseRuleViolation.class)
                       .expectExceptionMessage(containsString("must be resumed"))
                       .expectNoEvents();
            }
        }

        @Test
        void resumesASuspendedCase() {
            fixture.given(FILED_EVENT, SUSPENDED)
                   .when(new ResumeCase(CASE, TODAY, null))
                   .expectEvents(new CaseResumed(CASE, TODAY));
        }

        @Test
        void onlyASuspendedCaseIsResumed() {
            fixture.given(FILED_EVENT)
                   .when(new ResumeCase(CASE, TODAY, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("only a suspended case can be resumed"))
                   .expectNoEvents();
        }

        @Test
        void aResumptionIsNotDatedBeforeTheSuspension() {
            fixture.given(FILED_EVENT, SUSPENDED)
                   .when(new ResumeCase(CASE, SUSPENDED.on().minusDays(1), null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("order they happened"))
                   .expectNoEvents();
        }

        @Test
        void reopensADisposedCase() {
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD, JUDGED)
                   .when(new ReopenCase(CASE, TODAY, ReopeningReason.REMAND, null))
                   .expectEvents(new CaseReopened(CASE, TODAY, ReopeningReason.REMAND));
        }

        @Test
        void onlyADisposedCaseIsReopened() {
            fixture.given(FILED_EVENT)
                   .when(new ReopenCase(CASE, TODAY, ReopeningReason.NEW_EVIDENCE, null))
                   .expectException(CaseRuleViolation.class)
                   .expectExceptionMessage(containsString("only a disposed case can be reopened"))
                   .expectNoEvents();
        }

        @Test
        void aReopenedCaseNeedsANewTrialBeforeJudgment() {
            var reopened = new CaseReopened(CASE, LocalDate.of(2020, 1, 10), ReopeningReason.REMAND);
            fixture.given(FILED_EVENT, TRIAL_SET, TRIAL_HELD, JUDGED, reopened)
                   .when(new IssueJudgment(CASE, TODAY, Verdict.ACQUITTAL, null))
                   .expectException(CaseRuleViolation.class)
                   .expectNoEvents();
        }
    }
}
