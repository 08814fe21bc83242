package org.greffe.caseload.web;

import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.infrastructure.CaseloadProperties;
import org.greffe.caseload.infrastructure.ProjectionPosition;
import org.greffe.caseload.infrastructure.TribunalCatalog;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Who reads a tribunal's breakdowns exact, and who gets their small cells suppressed. */
class CaseloadControllerTest {

    private static final String MOPTI = "mopti";

    private final CaseRecordStore store = mock(CaseRecordStore.class);
    private final ProjectionPosition position = mock(ProjectionPosition.class);

    @Test
    void clerksAndAuditorsReadTheBreakdownsExact() {
        for (String role : List.of("CLERK", "AUDITOR")) {
            TribunalCaseload caseload = read(controller(null), role);
            assertThat(caseload.smallCells()).as(role).isEqualTo(TribunalCaseload.SmallCellControl.EXACT);
            assertThat(caseload.pendingBy().offence().cells().get("SEXUAL_SLAVERY").count()).as(role).isEqualTo(1);
        }
    }

    @Test
    void advocatesAndReadersWithoutAKnownRoleGetTheSmallCellsSuppressed() {
        List<String[]> readers = List.of(new String[]{"ADVOCATE"}, new String[0], new String[]{"clerk", "OTHER"});
        for (String[] roles : readers) {
            TribunalCaseload caseload = read(controller(null), roles);
            assertThat(caseload.smallCells()).as(String.join(",", roles))
                                             .isEqualTo(new TribunalCaseload.SmallCellControl(5, true));
            assertThat(caseload.pendingBy().offence().cells().get("SEXUAL_SLAVERY").suppressed()).isTrue();
            assertThat(caseload.pending()).as("stocks stay exact").isEqualTo(7);
        }
    }

    @Test
    void theThresholdIsConfigured() {
        TribunalCaseload caseload = read(controller(2), "ADVOCATE");
        assertThat(caseload.smallCells()).isEqualTo(new TribunalCaseload.SmallCellControl(2, true));
        assertThat(caseload.pendingBy().offence().cells().get("SEXUAL_SLAVERY").suppressed()).isTrue();
        assertThat(read(controller(1), "ADVOCATE").pendingBy().offence().cells().get("SEXUAL_SLAVERY").count())
                .as("k = 1 suppresses nothing").isEqualTo(1);
    }

    @Test
    void figuresAreComputedOncePerProjectionVersionAndAgainWhenItMoves() {
        CaseloadController controller = controller(null);
        TribunalCaseload first = read(controller, "CLERK");
        assertThat(read(controller, "AUDITOR")).isEqualTo(first);
        assertThat(read(controller, "ADVOCATE").pending()).isEqualTo(first.pending());
        verify(store, times(1)).atTribunal(MOPTI);

        when(position.state()).thenReturn(new ProjectionPosition.State(8, 8, false, "0:8 1:7"));
        read(controller, "CLERK");
        verify(store, times(2)).atTribunal(MOPTI);
        controller.tribunal(MOPTI, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 6, 3), new MockHttpServletRequest());
        verify(store, times(3)).atTribunal(MOPTI);
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

    private TribunalCaseload read(CaseloadController controller, String... roles) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        for (String role : roles) {
            request.addUserRole(role);
        }
        return controller.tribunal(MOPTI, LocalDate.of(2019, 6, 4), LocalDate.of(2020, 6, 3), request).getBody();
    }

    private CaseloadController controller(Integer threshold) {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(filed("r" + i, OffenceCategory.RAPE));
        }
        records.add(filed("s", OffenceCategory.SEXUAL_SLAVERY));
        when(store.atTribunal(MOPTI)).thenReturn(records);
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, false, "0:7 1:7"));
        CaseloadCalculator calculator = new CaseloadCalculator(TimeStandards.uniform(365));
        TribunalCatalog catalog = new TribunalCatalog(List.of(new TribunalCatalog.Tribunal(MOPTI, "Mopti")));
        return new CaseloadController(store, new CaseloadSummaries(store, calculator, catalog), calculator,
                catalog, position,
                Clock.fixed(LocalDate.of(2020, 6, 3).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                new CaseloadProperties(null, Map.of(), null, null, threshold));
    }

    private static CaseRecord filed(String caseId, OffenceCategory offence) {
        return CaseRecord.filed(new CaseFiled(new CaseId(caseId), "R-" + caseId, new TribunalId(MOPTI),
                LocalDate.of(2019, 1, 1), null, offence, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED,
                null), 0);
    }
}
