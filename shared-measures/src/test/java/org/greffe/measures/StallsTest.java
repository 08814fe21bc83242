package org.greffe.measures;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.greffe.events.AdjournmentReason.COUNSEL_ABSENT;
import static org.greffe.events.AdjournmentReason.JUDGE_UNAVAILABLE;
import static org.greffe.events.AdjournmentReason.OTHER;
import static org.greffe.events.AdjournmentReason.SECURITY;
import static org.greffe.events.AdjournmentReason.WITNESS_ABSENT;

/**
 * The stall figures of a held-back docket of six cases computed by hand, for the year 2019 at tribunal {@code t}:
 * each figure pinned, with the case that makes it.
 */
class StallsTest {

    private static final LocalDate FROM = LocalDate.of(2019, 1, 1);
    private static final LocalDate TO = LocalDate.of(2019, 12, 31);

    /** Filed in the period 17 days after the incident; a trial adjourned twice, then held; pending, idle 244 days. */
    private static final CaseRecord A = Cases.filed("a", "t", "2019-02-01").incidentOn("2019-01-15")
            .trialSet("2019-03-01").adjourned("2019-03-01", WITNESS_ABSENT).adjourned("2019-04-01", SECURITY)
            .held("2019-05-01").record();
    /** Filed before the period without an incident date; a preliminary adjourned; suspended on the period's end. */
    private static final CaseRecord B = Cases.filed("b", "t", "2018-06-01").preliminarySet("2019-06-10")
            .adjourned("2019-06-10").suspended("2019-07-01").record();
    /** Filed 424 days after the incident; a preliminary adjourned six weeks before the end: active, not idle. */
    private static final CaseRecord C = Cases.filed("c", "t", "2019-03-01").incidentOn("2018-01-01")
            .preliminarySet("2019-11-15").adjourned("2019-11-15", OTHER).record();
    /** Filed in the period with no incident date, then transferred: its later adjournment is the other tribunal's. */
    private static final CaseRecord D = Cases.filed("d", "t", "2019-05-01").transferred("2019-06-01", "t", "u")
            .trialSet("2019-07-01").adjourned("2019-07-01", COUNSEL_ABSENT).record();
    /** Filed in 2017, its trial adjourned then: no step since, idle more than a year. */
    private static final CaseRecord E = Cases.filed("e", "t", "2017-01-01").incidentOn("2016-12-01")
            .trialSet("2017-06-01").adjourned("2017-06-01", JUDGE_UNAVAILABLE).record();
    /** Filed in the period nine days after the incident; tried and judged: a trial hearing that came and was held. */
    private static final CaseRecord F = Cases.filed("f", "t", "2019-01-10").incidentOn("2019-01-01")
            .trialSet("2019-02-10").held("2019-02-10").judged("2019-03-10").record();

    private final Stalls stalls = Stalls.of("t", List.of(A, B, C, D, E, F), FROM, TO);

    @Test
    void adjournmentsInThePeriodAtTheTribunalByReasonAndKind() {
        assertThat(stalls.adjournments().byReason()).containsExactly(Map.entry("ACCUSED_ABSENT", 1),
                Map.entry("WITNESS_ABSENT", 1), Map.entry("COUNSEL_ABSENT", 0), Map.entry("JUDGE_UNAVAILABLE", 0),
                Map.entry("SECURITY", 1), Map.entry("INVESTIGATION_INCOMPLETE", 0), Map.entry("OTHER", 1));
        assertThat(stalls.adjournments().byKind()).containsExactly(Map.entry("PRELIMINARY", 2), Map.entry("TRIAL", 2));
    }

    @Test
    void ofTheTrialHearingsThatCameHalfWereAdjourned() {
        assertThat(stalls.adjournments().trialsDue()).as("A's three, F's one").isEqualTo(4);
        assertThat(stalls.adjournments().trialsAdjourned()).isEqualTo(2);
        assertThat(stalls.adjournments().trialAdjournedShare()).isEqualTo(50.0);
    }

    @Test
    void suspendedCasesByReasonAndInactiveActiveCases() {
        assertThat(stalls.pending().suspendedByReason()).as("B").containsExactly(Map.entry("ACCUSED_AT_LARGE", 1),
                Map.entry("STAY_OF_PROCEEDINGS", 0), Map.entry("OTHER", 0));
        assertThat(stalls.pending().active()).as("A, C, E").isEqualTo(3);
        assertThat(stalls.pending().inactive()).as("A idle 244 days, C 46, E 943")
                .containsExactly(Map.entry(">90", 2), Map.entry(">180", 2), Map.entry(">365", 1));
    }

    /** D left for u and F was judged: A, B, C and E are pending on the period's end. */
    @Test
    void pendingCasesByTheirLatestHearingAtTheTribunalAndByReportingDelay() {
        assertThat(stalls.pending().byLatestHearing()).containsExactly(Map.entry("NO_HEARING", 0),
                Map.entry("HELD", 1), Map.entry("ACCUSED_ABSENT", 1), Map.entry("WITNESS_ABSENT", 0),
                Map.entry("COUNSEL_ABSENT", 0), Map.entry("JUDGE_UNAVAILABLE", 1), Map.entry("SECURITY", 0),
                Map.entry("INVESTIGATION_INCOMPLETE", 0), Map.entry("OTHER", 1));
        assertThat(stalls.pending().byReportingDelay()).as("A 17 days, E 31, C 424, B undated")
                .containsExactly(Map.entry("0-30", 1), Map.entry("31-90", 1), Map.entry("91-365", 0),
                        Map.entry(">365", 1), Map.entry("UNDATED", 1));
    }

    /** A hearing at the tribunal before the case last came there is of an earlier stay: none yet in this one. */
    @Test
    void theLatestHearingIsOfThePresentStay() {
        CaseRecord back = Cases.filed("h", "t", "2019-01-02").preliminarySet("2019-02-01")
                .adjourned("2019-02-01", SECURITY).transferred("2019-03-01", "t", "u")
                .transferred("2019-04-01", "u", "t").record();
        assertThat(Stalls.of("t", List.of(back), FROM, TO).pending().byLatestHearing())
                .containsEntry("NO_HEARING", 1).containsEntry("SECURITY", 0);
    }

    @Test
    void reportingDelayOfTheCasesFiledInThePeriod() {
        assertThat(stalls.filings().filed()).as("A, C, D, F").isEqualTo(4);
        assertThat(stalls.filings().withoutIncidentDate()).as("D").isEqualTo(1);
        assertThat(stalls.filings().medianReportingDays()).as("9, 17, 424").isEqualTo(17.0);
        assertThat(stalls.filings().reportingDelay()).containsExactly(Map.entry("0-30", 2), Map.entry("31-90", 0),
                Map.entry("91-365", 0), Map.entry(">365", 1));
    }

    @Test
    void aStepAfterTheDayDoesNotCountAndSchedulingIsNoStep() {
        CaseRecord planned = Cases.filed("g", "t", "2019-01-02").trialSet("2020-03-01").record();
        assertThat(planned.lastStepBy(TO)).isEqualTo(LocalDate.of(2019, 1, 2));
        assertThat(A.lastStepBy(LocalDate.of(2019, 3, 15))).isEqualTo(LocalDate.of(2019, 3, 1));
        Stalls alone = Stalls.of("t", List.of(planned), FROM, TO);
        assertThat(alone.pending().inactive()).containsEntry(">180", 1).containsEntry(">365", 0);
    }

    /**
     * A record folded by a release that kept neither hearing outcomes nor suspension reasons (read while both run):
     * no outcome, and stall figures refused until the projection is rebuilt rather than a suspension counted nowhere.
     */
    @Test
    void aRecordFoldedBeforeOutcomesAndReasonsWereKeptIsReadButItsSuspensionIsNotGuessed() {
        CaseRecord old = new CaseRecord("old", B.offence(), B.victims(), B.accused(), B.filedOn(), null, B.spells(),
                List.of(new Suspension(LocalDate.of(2019, 7, 1), null, null)), B.trialHearings(), null, null, 3);
        assertThat(old.hearingOutcomes()).isEmpty();
        assertThatThrownBy(() -> Stalls.of("t", List.of(old), FROM, TO)).isInstanceOf(IllegalStateException.class)
                                                                         .hasMessageContaining("rebuild");
        CaseRecord tried = new CaseRecord("tried", A.offence(), A.victims(), A.accused(), A.filedOn(), null,
                A.spells(), List.of(), A.trialHearings(), A.firstTrialHeldOn(), null, 5);
        assertThatThrownBy(() -> Stalls.of("t", List.of(tried), FROM, TO)).as("a held trial with no outcome kept")
                .isInstanceOf(Stalls.FoldedBeforeStalls.class);
    }
}
