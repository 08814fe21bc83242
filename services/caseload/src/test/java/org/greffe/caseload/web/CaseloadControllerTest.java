package org.greffe.caseload.web;

import org.greffe.caseload.application.BuildProgress;
import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.application.InMemoryReleaseStore;
import org.greffe.caseload.application.Releases;
import org.greffe.caseload.application.CaseloadProperties;
import org.greffe.caseload.application.ProjectionPosition;
import org.greffe.platform.settings.Tribunals;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Who reads exact figures, who reads the release, and which periods each may ask for. */
class CaseloadControllerTest {

    private static final String MOPTI = "mopti";

    private final CaseRecordStore store = mock(CaseRecordStore.class);
    private final ProjectionPosition position = mock(ProjectionPosition.class);
    private final InMemoryReleaseStore releaseStore = new InMemoryReleaseStore();

    @Test
    void clerksAndAuditorsReadExactFiguresForTheDayTheyAsk() {
        CaseloadController controller = controller();
        for (String role : List.of("CLERK", "AUDITOR")) {
            TribunalCaseload caseload = read(controller, "2019-06-04", "2020-06-03", role).getBody();
            assertThat(caseload.smallCells()).as(role).isEqualTo(TribunalCaseload.SmallCellControl.EXACT);
            assertThat(caseload.release()).isNull();
            assertThat(caseload.to()).isEqualTo(LocalDate.of(2020, 6, 3));
            assertThat(caseload.pendingBy().offence().cells().get("SEXUAL_SLAVERY").count()).as(role).isEqualTo(1);
            assertThat(caseload.oldestFiledOn()).isEqualTo(LocalDate.of(2019, 1, 1));
        }
    }

    @Test
    void everyoneElseReadsTheLatestReleaseInWholeMonths() {
        CaseloadController controller = released();
        for (String[] roles : List.of(new String[]{"ADVOCATE"}, new String[0], new String[]{"clerk", "OTHER"})) {
            ResponseEntity<TribunalCaseload> answer = read(controller, "2019-06-04", "2020-06-03", roles);
            TribunalCaseload caseload = answer.getBody();
            assertThat(caseload.release().month()).isEqualTo("2020-05");
            assertThat(caseload.release().madeOn()).isEqualTo(LocalDate.of(2020, 6, 3));
            assertThat(caseload.release().position()).as("two positions would count the events between")
                                                     .isNull();
            assertThat(caseload.release().madeAt()).isNull();
            assertThat(answer.getHeaders().getFirst(CaseloadController.RELEASE)).isEqualTo("2020-05");
            assertThat(answer.getHeaders().get(CaseloadController.POSITION)).isNull();
            assertThat(answer.getHeaders().get(CaseloadController.HEAD)).isNull();
            assertThat(caseload.from()).isEqualTo(LocalDate.of(2019, 6, 1));
            assertThat(caseload.to()).as("the last month that ended").isEqualTo(LocalDate.of(2020, 5, 31));
            assertThat(caseload.smallCells()).isEqualTo(new TribunalCaseload.SmallCellControl(5, true));
            assertThat(caseload.pendingBy().offence().cells().get("SEXUAL_SLAVERY").suppressed()).isTrue();
            assertThat(caseload.pending()).as("a tribunal total: exact").isEqualTo(12);
            assertThat(caseload.oldestFiledOn()).as("one case's date").isNull();
        }
    }

    @Test
    void clerksAndAuditorsCanSeeThePublishedFiguresWithTheReleasesPosition() {
        CaseloadController controller = released();
        MockHttpServletRequest clerk = new MockHttpServletRequest();
        clerk.addUserRole("CLERK");
        TribunalCaseload published = controller.tribunal(MOPTI, null, "2020-06-03", "published", null, clerk).getBody();
        assertThat(published.release().position()).isEqualTo(12);
        assertThat(published.release().madeAt()).isNotNull();
        assertThat(published.pendingBy().offence().perturbed()).isTrue();
        assertThatThrownBy(() -> controller.tribunal(MOPTI, null, null, "exact", null, clerk))
                .isInstanceOf(CaseloadProblem.class);
    }

    @Test
    void aReaderWhoNamesAPositionGetsFiguresThatIncludeIt() {
        CaseloadController controller = controller();
        ResponseEntity<TribunalCaseload> reached = controller.tribunal(MOPTI, null, "2020-06-03", null, "12",
                roles("CLERK"));
        assertThat(reached.getHeaders().getFirst(CaseloadController.POSITION)).isEqualTo("12");
        verify(position, times(0)).awaitAt(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.any());

        when(position.state()).thenReturn(new ProjectionPosition.State(10, 12, false, "0:10 1:12"));
        when(position.awaitAt(12, java.time.Duration.ofSeconds(5)))
                .thenReturn(new ProjectionPosition.State(12, 12, false, "0:12 1:12"));
        ResponseEntity<TribunalCaseload> waited = controller.tribunal(MOPTI, null, "2020-06-03", null, "12",
                roles("AUDITOR"));
        assertThat(waited.getHeaders().getFirst(CaseloadController.POSITION)).as("after waiting").isEqualTo("12");
    }

    @Test
    void aPositionNotReachedInTimeIsAnsweredWith503AndWhereTheFiguresStand() {
        CaseloadController controller = controller();
        ProjectionPosition.State behind = new ProjectionPosition.State(10, 12, false, "0:10 1:12");
        when(position.state()).thenReturn(behind);
        when(position.awaitAt(12, java.time.Duration.ofSeconds(5))).thenReturn(behind);

        assertThatThrownBy(() -> controller.tribunal(MOPTI, null, "2020-06-03", null, "12", roles("CLERK")))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(problem.getHeaders().getFirst(CaseloadController.POSITION)).isEqualTo("10");
                    assertThat(problem.getBody().getType().toString())
                            .isEqualTo("urn:greffe:problem:position-not-reached");
                });
    }

    @Test
    void aPositionPastTheHeadOrNoPositionAtAllIsRefusedWithoutWaiting() {
        CaseloadController controller = controller();
        for (String atLeast : List.of("13", "-1", "12a", "1e3", "9999999999999999999")) {
            assertThatThrownBy(() -> controller.tribunal(MOPTI, null, "2020-06-03", null, atLeast, roles("CLERK")))
                    .as(atLeast).isInstanceOfSatisfying(CaseloadProblem.class,
                            problem -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
        }
        verify(position, times(0)).awaitAt(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void publishedFiguresTakeNoPositionSinceNoWriteMovesThem() {
        CaseloadController controller = released();
        assertThatThrownBy(() -> controller.tribunal(MOPTI, null, "2020-06-03", null, "12", roles("ADVOCATE")))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> assertThat(problem.getBody().getDetail())
                        .contains("atLeast is for exact figures"));
        assertThatThrownBy(() -> controller.tribunal(MOPTI, null, "2020-06-03", "published", "12", roles("CLERK")))
                .isInstanceOf(CaseloadProblem.class);
    }

    private static MockHttpServletRequest roles(String... roles) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        for (String role : roles) {
            request.addUserRole(role);
        }
        return request;
    }

    @Test
    void daysOfTheSameMonthGiveTheSameAnswerAndNothingAfterTheReleaseIsShown() {
        CaseloadController controller = released();
        TribunalCaseload march = read(controller, null, "2020-03-31", "ADVOCATE").getBody();
        assertThat(read(controller, null, "2020-04-01", "ADVOCATE").getBody()).isEqualTo(march);
        assertThat(read(controller, null, "2020-04-30", "ADVOCATE").getBody()).isNotEqualTo(march);
        assertThat(read(controller, "2020-03-02", "2020-03-31", "ADVOCATE").getBody().from())
                .isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(read(controller, null, "2030-01-01", "ADVOCATE").getBody().to())
                .isEqualTo(LocalDate.of(2020, 5, 31));
        assertThat(read(controller, "2020-05-10", "2020-05-20", "ADVOCATE").getBody().to())
                .as("a period within an open month shows the month before").isEqualTo(LocalDate.of(2020, 4, 30));
    }

    @Test
    void beforeTheFirstReleaseEveryoneButClerksAndAuditorsIsAskedToRetry() {
        CaseloadController controller = controller();
        assertThat(read(controller, null, null, "CLERK").getStatusCode().value()).isEqualTo(200);
        assertThatThrownBy(() -> read(controller, null, null, "ADVOCATE"))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                });
    }

    @Test
    void whileABulkBuildFillsTheProjectionExactReadersAreToldHowFarItIsAndWhenToComeBack() {
        CaseloadController controller = controller();
        when(position.state()).thenReturn(new ProjectionPosition.State(0, 1_000_000, false, "g1 0:0")
                .buildingInBulk(new BuildProgress(true, 412_000, 1_000_000, 90_000)));

        assertThatThrownBy(() -> read(controller, null, null, "CLERK"))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                    ProblemDetail body = problem.getBody();
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(body.getType().toString()).isEqualTo("urn:greffe:problem:rebuilding");
                    assertThat(body.getDetail()).contains("being built from the event log in bulk")
                                                .contains("412,000 of 1,000,000 events read (41.2%)")
                                                .contains("retry in 7 s");
                    assertThat(body.getProperties()).containsEntry("method", "bulk")
                                                    .containsEntry("eventsRead", 412_000L)
                                                    .containsEntry("head", 1_000_000L)
                                                    .containsEntry("percent", 41.2);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).as("588,000 events at 90,000 a second")
                                                                           .isEqualTo("7");
                    assertThat(problem.getHeaders().getFirst(CaseloadController.POSITION)).isEqualTo("0");
                    assertThat(problem.getHeaders().getFirst(CaseloadController.HEAD)).isEqualTo("1000000");
                });
    }

    @Test
    void whileTheProcessorReplaysTheLogExactReadersAreToldWhereItStands() {
        CaseloadController controller = controller();
        when(position.state()).thenReturn(new ProjectionPosition.State(3_000, 12_000, true, "g1 0:3000r"));

        assertThatThrownBy(() -> read(controller, null, null, "AUDITOR"))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getBody().getDetail()).contains("event by event")
                                                             .contains("3,000 of 12,000 events read (25.0%)");
                    assertThat(problem.getBody().getProperties()).containsEntry("method", "replay");
                    assertThat(problem.getHeaders().getFirst("Retry-After")).as("no rate known").isEqualTo("5");
                });
    }

    @Test
    void beforeTheFirstReleaseReadersOfThePublishedFiguresAreToldTheBuildsPercentOnly() {
        CaseloadController controller = controller();
        when(position.state()).thenReturn(new ProjectionPosition.State(0, 1_000_000, false, "g1 0:0")
                .buildingInBulk(new BuildProgress(true, 250_000, 1_000_000, 50_000)));

        assertThatThrownBy(() -> read(controller, null, null, "ADVOCATE"))
                .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                    ProblemDetail body = problem.getBody();
                    assertThat(body.getType().toString()).isEqualTo("urn:greffe:problem:release-pending");
                    assertThat(body.getDetail()).contains("25.0% done").doesNotContain("1,000,000")
                                                .doesNotContain("250,000");
                    assertThat(body.getProperties()).containsOnlyKeys("percent").containsEntry("percent", 25.0);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("15");
                    assertThat(problem.getHeaders().get(CaseloadController.POSITION)).isNull();
                    assertThat(problem.getHeaders().get(CaseloadController.HEAD)).isNull();
                });
    }

    @Test
    void malformedExtremeOrOverlongPeriodsAreRefusedWithTheReason() {
        CaseloadController controller = released();
        Map<String[], String> refused = Map.of(
                new String[]{null, "2020-02-30"}, "to must be a date as YYYY-MM-DD",
                new String[]{"20200101", null}, "from must be a date as YYYY-MM-DD",
                new String[]{null, "+10000-01-01"}, "to must be a date",
                new String[]{"1959-12-31", "2020-01-01"}, "from must be a date as YYYY-MM-DD from 1960-01-01",
                new String[]{null, "2101-01-01"}, "to must be a date as YYYY-MM-DD from 1960-01-01 to 2100-12-31",
                new String[]{"2009-12-31", "2020-01-01"}, "longer than 10 years",
                new String[]{"2020-01-02", "2020-01-01"}, "must not be after");
        refused.forEach((period, reason) -> {
            for (String role : List.of("CLERK", "ADVOCATE")) {
                assertThatThrownBy(() -> read(controller, period[0], period[1], role))
                        .isInstanceOfSatisfying(CaseloadProblem.class, problem -> {
                            assertThat(problem.getStatusCode().value()).isEqualTo(400);
                            assertThat(((ProblemDetail) problem.getBody()).getDetail()).as(role).contains(reason);
                        });
            }
        });
    }

    @Test
    void exactFiguresAreComputedOncePerProjectionVersionAndAgainWhenItMoves() {
        CaseloadController controller = controller();
        TribunalCaseload first = read(controller, "2019-06-04", "2020-06-03", "CLERK").getBody();
        assertThat(read(controller, "2019-06-04", "2020-06-03", "AUDITOR").getBody()).isEqualTo(first);
        verify(store, times(1)).atTribunal(MOPTI);
        when(position.state()).thenReturn(new ProjectionPosition.State(13, 13, false, "0:13 1:12"));
        read(controller, "2019-06-04", "2020-06-03", "CLERK");
        verify(store, times(2)).atTribunal(MOPTI);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedEntriesOnly() {
        FiguresCache cache = new FiguresCache(2);
        int[] computed = new int[1];
        cache.get("a", () -> ++computed[0]);
        cache.get("b", () -> ++computed[0]);
        assertThat(cache.get("a", () -> ++computed[0])).isEqualTo(1);
        cache.get("c", () -> ++computed[0]);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", () -> ++computed[0])).as("b was the least recently used: recomputed").isEqualTo(4);
        assertThat(cache.get("a", () -> ++computed[0])).as("a was evicted by b").isEqualTo(5);
    }

    private ResponseEntity<TribunalCaseload> read(CaseloadController controller, String from, String to,
                                                  String... roles) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        for (String role : roles) {
            request.addUserRole(role);
        }
        return controller.tribunal(MOPTI, from, to, null, null, request);
    }

    private CaseloadController released() {
        CaseloadController controller = controller();
        releases.makeIfDue();
        return controller;
    }

    private Releases releases;

    private CaseloadController controller() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            records.add(filed("r" + i, OffenceCategory.RAPE));
        }
        records.add(filed("s", OffenceCategory.SEXUAL_SLAVERY));
        when(store.atTribunal(MOPTI)).thenReturn(records);
        when(store.all()).thenReturn(records);
        when(position.state()).thenReturn(new ProjectionPosition.State(12, 12, false, "0:12 1:12"));
        CaseloadCalculator calculator = new CaseloadCalculator(TimeStandards.uniform(365));
        Tribunals catalog = new Tribunals(List.of(new Tribunals.Tribunal(MOPTI, "Mopti", null, null)));
        Clock clock = Clock.fixed(LocalDate.of(2020, 6, 3).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        releases = new Releases(releaseStore, store, position, catalog,
                new MonthlyCaseload(TimeStandards.uniform(365)), (caseId, sequence) -> null, 5,
                TransactionOperations.withoutTransaction(), clock);
        return new CaseloadController(store, new CaseloadSummaries(store, calculator, catalog), calculator,
                catalog, position, releases, releaseStore, clock,
                new CaseloadProperties(null, null, null, null, null, null),
                new org.greffe.platform.settings.TimeStandardSettings(365, java.util.Map.of()));
    }

    private static CaseRecord filed(String caseId, OffenceCategory offence) {
        return CaseRecord.filed(new CaseFiled(new CaseId(caseId), "R-" + caseId, new TribunalId(MOPTI),
                LocalDate.of(2019, 1, 1), null, offence, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED,
                null), 0);
    }
}
