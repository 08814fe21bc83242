package org.greffe.caseload.application;

import org.greffe.platform.settings.Tribunals;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.measures.PublishedMonth;
import org.greffe.measures.Stalls;
import org.greffe.measures.Suspension;
import org.greffe.measures.TimeStandards;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a release is made, what it covers, and that it is made once. */
class ReleasesTest {

    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final InMemoryReleaseStore store = new InMemoryReleaseStore();
    private final CaseRecordStore records = mock(CaseRecordStore.class);
    private final ProjectionPosition position = mock(ProjectionPosition.class);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2020-06-03T10:00:00Z"));
    private final Tribunals catalog = new Tribunals(List.of(new Tribunals.Tribunal("mopti", "Mopti", null, null),
            new Tribunals.Tribunal("gao", "Gao", null, null)));
    private final Releases releases = new Releases(store, records, position, catalog,
            new MonthlyCaseload(TimeStandards.uniform(365)), (caseId, sequence) -> null, 5,
            TransactionOperations.withoutTransaction(), new Clock() {
                @Override
                public ZoneId getZone() {
                    return BAMAKO;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });

    @Test
    void noReleaseIsMadeWhileTheProjectionHasNotReadTheWholeLog() {
        when(records.all()).thenReturn(List.of(filed("a", "2020-01-10")));
        when(position.state()).thenReturn(new ProjectionPosition.State(6, 7, false, "g0 0:6"));
        assertThat(releases.makeIfDue()).isEmpty();
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, true, "g0 0:7r"));
        assertThat(releases.makeIfDue()).as("replaying").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aReleaseCoversEveryTribunalUpToTheMonthThatLastEndedAndIsMadeOnce() {
        when(records.all()).thenReturn(List.of(filed("a", "2020-01-10"), filed("b", "2020-06-01")));
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, false, "g0 0:7"));
        Release release = releases.makeIfDue().orElseThrow();
        assertThat(release.month()).isEqualTo(YearMonth.of(2020, 5));
        assertThat(release.position()).isEqualTo(7);
        assertThat(release.madeAt()).isEqualTo(now.get());
        assertThat(store.months(release, "mopti")).extracting(month -> month.month().toString())
                                                 .containsExactly("2020-01", "2020-02", "2020-03", "2020-04",
                                                         "2020-05");
        assertThat(store.months(release, "mopti").get(4).pending()).as("b was filed in June: not released")
                                                                  .isEqualTo(1);
        assertThat(store.months(release, "gao")).isEmpty();

        when(position.state()).thenReturn(new ProjectionPosition.State(9, 9, false, "g0 0:9"));
        assertThat(releases.makeIfDue()).contains(release);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void theNextReleaseIsMadeOnceTheMonthHasEndedInTheCourtsTimeZone() {
        when(records.all()).thenReturn(List.of(filed("a", "2020-01-10"), filed("b", "2020-06-01")));
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, false, "g0 0:7"));
        releases.makeIfDue();
        now.set(LocalDate.of(2020, 6, 30).atTime(23, 59).atZone(BAMAKO).toInstant());
        assertThat(releases.makeIfDue().orElseThrow().month()).isEqualTo(YearMonth.of(2020, 5));
        now.set(LocalDate.of(2020, 7, 1).atStartOfDay(BAMAKO).toInstant());
        Release july = releases.makeIfDue().orElseThrow();
        assertThat(july.month()).isEqualTo(YearMonth.of(2020, 6));
        assertThat(store.months(july, "mopti").get(5).pending()).isEqualTo(2);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aReleaseMadeMeanwhileByAnotherInstanceIsTheRelease() {
        Release other = new Release(YearMonth.of(2020, 5), Instant.parse("2020-06-01T00:00:05Z"), 3, "g0 0:3");
        store.add(other, java.util.Map.of(), java.util.Map.of());
        when(records.all()).thenReturn(List.of(filed("a", "2020-01-10")));
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, false, "g0 0:7"));
        assertThat(releases.makeIfDue()).contains(other);
        assertThat(releases.latest()).contains(other);
    }

    /**
     * A release publishes the stall tables of the pending cases only from records folded under their definitions,
     * and a record that lacks a suspension's reason despite them (an earlier instance still folding) costs the
     * release its stall tables, not the release.
     */
    @Test
    void stallTablesArePublishedFromRecordsUnderTheirDefinitionsOnly() {
        List<CaseRecord> twelve = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(filed("c" + i, "2020-01-1" + (i % 10)));
        }
        when(records.all()).thenReturn(twelve);
        when(position.state()).thenReturn(new ProjectionPosition.State(7, 7, false, "g0 0:7"));
        when(records.definitions()).thenReturn(1);
        Release before = releases.makeIfDue().orElseThrow();
        assertThat(store.months(before, "mopti").get(4).brokenDown()).isTrue();
        assertThat(store.months(before, "mopti")).as("records awaiting a rebuild")
                                                 .allSatisfy(month -> assertThat(month.stalls()).isNull());

        now.set(LocalDate.of(2020, 7, 1).atStartOfDay(BAMAKO).toInstant());
        when(records.definitions()).thenReturn(Stalls.DEFINITIONS);
        Release june = releases.makeIfDue().orElseThrow();
        PublishedMonth.StallCells cells = store.months(june, "mopti").get(5).stalls();
        assertThat(cells).as("June, first released now").isNotNull();
        assertThat(cells.latestHearing().get(Stalls.NO_HEARING)).as("twelve cases, none heard").isBetween(5, 32);

        List<CaseRecord> unreasoned = new java.util.ArrayList<>(twelve);
        CaseRecord old = twelve.get(0);
        unreasoned.set(0, new CaseRecord(old.caseId(), old.offence(), old.victims(), old.accused(), old.filedOn(),
                null, old.spells(), List.of(new Suspension(LocalDate.of(2020, 2, 1), null, null)),
                old.trialHearings(), null, null, 1));
        when(records.all()).thenReturn(unreasoned);
        now.set(LocalDate.of(2020, 8, 1).atStartOfDay(BAMAKO).toInstant());
        Release july = releases.makeIfDue().orElseThrow();
        assertThat(july.month()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(store.months(july, "mopti").get(6).stalls()).as("made, without stall tables").isNull();
    }

    private static CaseRecord filed(String caseId, String on) {
        return CaseRecord.filed(new CaseFiled(new CaseId(caseId), "R-" + caseId, new TribunalId("mopti"),
                LocalDate.parse(on), null, OffenceCategory.RAPE, new Victims(1, 0, 0, 0),
                AccusedAffiliation.UNIDENTIFIED, null), 0);
    }
}
