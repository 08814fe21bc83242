package org.greffe.registry.model;

import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
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
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the registry desk offers on a case is exactly what the aggregate accepts: along random histories the
 * aggregate itself writes, every command is tried (dated after the latest event, as the desk dates it) and the set it
 * accepts is compared with {@link CaseFile}'s actions, for the case and for each hearing.
 */
class CaseFileAgreesWithTheAggregateTest {

    private static final LocalDate TODAY = LocalDate.of(2035, 1, 1);
    private static final CaseId CASE = new CaseId("case-walk");
    private static final TribunalId COMMUNE_III = new TribunalId("bamako-commune-iii");
    private static final TribunalId MOPTI = new TribunalId("mopti");

    private final FixtureConfiguration<Case> fixture = new AggregateTestFixture<>(Case.class);

    CaseFileAgreesWithTheAggregateTest() {
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(new ReferenceData() {
            @Override
            public boolean isKnownTribunal(TribunalId tribunalId) {
                return tribunalId.equals(COMMUNE_III) || tribunalId.equals(MOPTI);
            }

            @Override
            public boolean isKnownArmedGroup(String code) {
                return true;
            }

            @Override
            public DocketNumberFormat docketNumberFormat(TribunalId tribunalId) {
                return DocketNumberFormat.STANDARD;
            }
        });
        fixture.registerInjectableResource(new DocketNumbers() {
            @Override
            public boolean claim(TribunalId tribunal, String docket, CaseId caseId) {
                return true;
            }

            @Override
            public Optional<CaseId> find(TribunalId tribunal, String docket) {
                return Optional.empty();
            }
        });
    }

    /** One thing a clerk might record next: the command, the event the aggregate applies for it, and its name. */
    private record Step(String action, Object command, Object event) {
    }

    @Test
    void alongRandomHistoriesTheDeskOffersExactlyWhatTheAggregateAccepts() {
        Random random = new Random(20200603);
        int compared = 0;
        TreeSet<String> offeredSomewhere = new TreeSet<>();
        for (int walk = 0; walk < 40; walk++) {
            List<Object> history = new ArrayList<>(List.of(new CaseFiled(CASE, "RG-2019-" + walk, COMMUNE_III,
                    LocalDate.of(2019, 3, 14), null, OffenceCategory.RAPE, new Victims(1, 0, 0, 0),
                    AccusedAffiliation.UNIDENTIFIED, null)));
            for (int length = 0; length < 12; length++) {
                CaseFile.View view = CaseFile.of(history, history.size() - 1);
                Map<String, Step> steps = candidates(view, random);
                List<Step> accepted = new ArrayList<>();
                TreeSet<String> acceptedNames = new TreeSet<>();
                for (Step step : steps.values()) {
                    if (accepts(history, step)) {
                        accepted.add(step);
                        acceptedNames.add(step.action());
                    }
                }
                TreeSet<String> offered = new TreeSet<>(view.actions());
                view.hearings().forEach(hearing -> hearing.actions()
                                                          .forEach(action -> offered.add(hearing.hearingId() + "/"
                                                                  + action)));
                assertThat(offered).as("after %s", history).isEqualTo(acceptedNames);
                offeredSomewhere.addAll(offered.stream().map(name -> name.substring(name.indexOf('/') + 1)).toList());
                compared++;
                if (accepted.isEmpty()) {
                    break;
                }
                history.add(accepted.get(random.nextInt(accepted.size())).event());
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(offeredSomewhere).as("every action was offered somewhere along the walks")
                                    .contains(CaseFile.Action.HEARING, CaseFile.Action.HELD,
                                            CaseFile.Action.ADJOURNMENT, CaseFile.Action.JUDGMENT,
                                            CaseFile.Action.DISMISSAL, CaseFile.Action.WITHDRAWAL,
                                            CaseFile.Action.TRANSFER, CaseFile.Action.SUSPENSION,
                                            CaseFile.Action.RESUMPTION, CaseFile.Action.REOPENING);
    }

    /** Whether the aggregate, given the history, accepts the step's command and applies exactly its event. */
    private boolean accepts(List<Object> history, Step step) {
        ResultValidator<Case> result = fixture.given(history).when(step.command());
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AxonAssertionError refused) {
            return false;
        }
        result.expectEvents(step.event());
        return true;
    }

    /** Every command the desk could send, each dated the day after the latest event or on the hearing's date. */
    private static Map<String, Step> candidates(CaseFile.View view, Random random) {
        LocalDate next = view.latestOn().plusDays(1);
        TribunalId here = new TribunalId(view.tribunalId());
        TribunalId there = here.equals(COMMUNE_III) ? MOPTI : COMMUNE_III;
        Map<String, Step> steps = new LinkedHashMap<>();
        HearingId hearing = new HearingId("h-" + view.hearings().size());
        HearingKind kind = random.nextBoolean() ? HearingKind.TRIAL : HearingKind.values()[random.nextInt(
                HearingKind.values().length)];
        LocalDate date = next.plusDays(random.nextInt(30));
        steps.put(CaseFile.Action.HEARING, new Step(CaseFile.Action.HEARING,
                new ScheduleHearing(CASE, hearing, kind, date, null), new HearingScheduled(CASE, hearing, kind, date)));
        steps.put(CaseFile.Action.JUDGMENT, new Step(CaseFile.Action.JUDGMENT,
                new IssueJudgment(CASE, next, Verdict.CONVICTION, null),
                new JudgmentIssued(CASE, next, Verdict.CONVICTION)));
        DismissalReason dismissal = DismissalReason.values()[0];
        steps.put(CaseFile.Action.DISMISSAL, new Step(CaseFile.Action.DISMISSAL,
                new DismissCase(CASE, next, dismissal, null), new CaseDismissed(CASE, next, dismissal)));
        steps.put(CaseFile.Action.WITHDRAWAL, new Step(CaseFile.Action.WITHDRAWAL, new WithdrawCase(CASE, next, null),
                new CaseWithdrawn(CASE, next)));
        steps.put(CaseFile.Action.TRANSFER, new Step(CaseFile.Action.TRANSFER, new TransferCase(CASE, next, there,
                null), new CaseTransferred(CASE, next, here, there)));
        SuspensionReason suspension = SuspensionReason.values()[0];
        steps.put(CaseFile.Action.SUSPENSION, new Step(CaseFile.Action.SUSPENSION,
                new SuspendCase(CASE, next, suspension, null), new CaseSuspended(CASE, next, suspension)));
        steps.put(CaseFile.Action.RESUMPTION, new Step(CaseFile.Action.RESUMPTION, new ResumeCase(CASE, next, null),
                new CaseResumed(CASE, next)));
        ReopeningReason reopening = ReopeningReason.values()[0];
        steps.put(CaseFile.Action.REOPENING, new Step(CaseFile.Action.REOPENING,
                new ReopenCase(CASE, next, reopening, null), new CaseReopened(CASE, next, reopening)));
        for (CaseFile.HearingView each : view.hearings()) {
            HearingId id = new HearingId(each.hearingId());
            LocalDate on = each.date().isAfter(next) ? each.date() : next;
            String held = each.hearingId() + "/" + CaseFile.Action.HELD;
            steps.put(held, new Step(held, new HoldHearing(CASE, id, on, null), new HearingHeld(CASE, id, on)));
            AdjournmentReason reason = AdjournmentReason.values()[random.nextInt(AdjournmentReason.values().length)];
            String adjourned = each.hearingId() + "/" + CaseFile.Action.ADJOURNMENT;
            steps.put(adjourned, new Step(adjourned, new AdjournHearing(CASE, id, next, reason, null),
                    new HearingAdjourned(CASE, id, next, reason)));
        }
        return steps;
    }
}
