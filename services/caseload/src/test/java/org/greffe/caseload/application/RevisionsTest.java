package org.greffe.caseload.application;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseSuspended;
import org.greffe.events.HearingAdjourned;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.OffenceCategory;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CellKey;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.measures.Publication;
import org.greffe.measures.PublishedMonth;
import org.greffe.measures.TimeStandards;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case registered late changes every month it was pending in. Each of those months drawn anew would give a reader
 * a pair of tables differing by that one case; so a month's published stocks are only drawn anew once at least k
 * cases changed them.
 */
class RevisionsTest {

    private static final String T = "mopti";
    private static final MonthlyCaseload MONTHLY = new MonthlyCaseload(TimeStandards.uniform(365));
    private static final CellKey KEYS = new CellKey("a revisions test's secret, long".getBytes(StandardCharsets.UTF_8));
    private static final Publication PUBLICATION = new Publication(KEYS, 5);
    private static final YearMonth FIRST = YearMonth.of(2019, 1);
    private static final YearMonth RELEASED = YearMonth.of(2019, 12);

    private final Map<String, CaseRecord> earlier = new HashMap<>();
    private final Revisions revisions = new Revisions((caseId, sequence) -> earlier.get(caseId), MONTHLY, 5);

    @Test
    void aLateCaseChangesTheMonthsItWasPendingInAndFewerThanKChangesKeepTheirPublishedStocks() {
        List<CaseRecord> before = cases(30, "2019-01-07");
        TribunalRelease first = revisions.revise(publish(before), null, Map.of());
        Map<String, Long> sequences = sequences(before);

        List<CaseRecord> now = new ArrayList<>(before);
        now.add(filed("late", "2019-03-12", OffenceCategory.SEXUAL_SLAVERY));
        Map<YearMonth, Set<String>> changed = revisions.changes(sequences, now, RELEASED, true).get(T);
        assertThat(changed.keySet()).as("the late case was pending from March").hasSize(10)
                                    .allMatch(month -> !month.isBefore(YearMonth.of(2019, 3)));
        TribunalRelease second = revisions.revise(publish(now), first, changed);

        PublishedMonth march = month(second, 3);
        PublishedMonth marchBefore = month(first, 3);
        assertThat(march.pending()).as("the exact total follows the log").isEqualTo(marchBefore.pending() + 1);
        assertThat(march.offence()).as("the published breakdown is kept").isEqualTo(marchBefore.offence());
        assertThat(march.ageBands()).isEqualTo(marchBefore.ageBands());
        assertThat(second.unrevised().get(YearMonth.of(2019, 3))).containsExactly("late");
        assertThat(month(second, 2)).as("February is untouched").isEqualTo(month(first, 2));
    }

    @Test
    void onceKCasesHaveChangedAMonthItsStocksAreDrawnAnew() {
        List<CaseRecord> now = new ArrayList<>(cases(30, "2019-01-07"));
        TribunalRelease release = revisions.revise(publish(now), null, Map.of());
        Map<String, Long> sequences = sequences(now);
        for (int late = 1; late <= 5; late++) {
            now.add(filed("late" + late, "2019-03-1" + late, OffenceCategory.RAPE));
            Map<YearMonth, Set<String>> changed = revisions.changes(sequences, now, RELEASED, true)
                                                           .getOrDefault(T, Map.of());
            TribunalRelease next = revisions.revise(publish(now), release, changed);
            PublishedMonth march = month(next, 3);
            if (late < 5) {
                assertThat(march.offence()).as("%d late cases", late).isEqualTo(month(release, 3).offence());
                assertThat(next.unrevised().get(YearMonth.of(2019, 3))).hasSize(late);
            } else {
                assertThat(next.unrevised()).as("drawn anew: nothing carried").doesNotContainKey(
                        YearMonth.of(2019, 3));
                assertThat(march).isEqualTo(publish(now).get(2));
            }
            release = next;
            sequences = sequences(now);
            now.forEach(record -> earlier.put(record.caseId(), record));
        }
    }

    @Test
    void anEventThatChangesNoStockChangesNoMonth() {
        List<CaseRecord> before = cases(12, "2019-01-07");
        before.forEach(record -> earlier.put(record.caseId(), record));
        Map<String, Long> sequences = sequences(before);
        List<CaseRecord> now = new ArrayList<>(before);
        CaseRecord heard = now.get(0).apply(new HearingScheduled(new CaseId(now.get(0).caseId()),
                new HearingId("h1"), HearingKind.PRELIMINARY, LocalDate.of(2019, 6, 3)), 1);
        now.set(0, heard);
        assertThat(revisions.changes(sequences, now, RELEASED, true)).isEmpty();

        CaseRecord suspended = heard.apply(new CaseSuspended(new CaseId(heard.caseId()), LocalDate.of(2019, 9, 2),
                SuspensionReason.ACCUSED_AT_LARGE), 2);
        now.set(0, suspended);
        assertThat(revisions.changes(sequences, now, RELEASED, true).get(T).keySet())
                .as("suspended from September: its part in September to December changed")
                .containsExactlyInAnyOrder(YearMonth.of(2019, 9), YearMonth.of(2019, 10), YearMonth.of(2019, 11),
                        YearMonth.of(2019, 12));
    }

    /** An adjournment moves a case in the stall tables only: a change of its part once the months have them. */
    @Test
    void anAdjournmentChangesTheMonthsOnlyWhereTheyHaveStallTables() {
        List<CaseRecord> before = cases(12, "2019-01-07");
        before.forEach(record -> earlier.put(record.caseId(), record));
        Map<String, Long> sequences = sequences(before);
        List<CaseRecord> now = new ArrayList<>(before);
        CaseId id = new CaseId(now.get(0).caseId());
        CaseRecord adjourned = now.get(0)
                .apply(new HearingScheduled(id, new HearingId("h1"), HearingKind.TRIAL, LocalDate.of(2019, 10, 7)), 1)
                .apply(new HearingAdjourned(id, new HearingId("h1"), LocalDate.of(2019, 10, 7),
                        AdjournmentReason.SECURITY), 2);
        now.set(0, adjourned);
        assertThat(revisions.changes(sequences, now, RELEASED, false)).as("no stall table: its part is the same")
                                                                      .isEmpty();
        assertThat(revisions.changes(sequences, now, RELEASED, true).get(T).keySet())
                .as("its latest hearing and its inactivity from October")
                .containsExactlyInAnyOrder(YearMonth.of(2019, 10), YearMonth.of(2019, 11), YearMonth.of(2019, 12));
    }

    /**
     * The first release with stall tables after one without: a month no case changed gets them with its kept stocks;
     * a month kept while fewer than k cases changed it gets none until it is drawn anew, since fresh tables would
     * already hold the changes the kept stocks wait for.
     */
    @Test
    void stallTablesFirstPublishedBesideKeptStocksOnlyWhereNoCaseChanged() {
        List<CaseRecord> before = cases(30, "2019-01-07");
        TribunalRelease first = revisions.revise(MONTHLY.months(T, before, FIRST, RELEASED, KEYS, false).stream()
                                                        .map(PUBLICATION::publish).toList(), null, Map.of());
        assertThat(month(first, 3).stalls()).isNull();
        Map<String, Long> sequences = sequences(before);
        List<CaseRecord> now = new ArrayList<>(before);
        now.add(filed("late", "2019-03-12", OffenceCategory.RAPE));
        Map<YearMonth, Set<String>> changed = revisions.changes(sequences, now, RELEASED, true).get(T);
        TribunalRelease second = revisions.revise(publish(now), first, changed);
        assertThat(month(second, 2).stalls()).as("no case changed February").isNotNull()
                                             .isEqualTo(publish(now).get(1).stalls());
        assertThat(month(second, 3).stalls()).as("March kept with one change").isNull();
        assertThat(month(second, 3).offence()).isEqualTo(month(first, 3).offence());
    }

    private static List<PublishedMonth> publish(List<CaseRecord> records) {
        return MONTHLY.months(T, records, FIRST, RELEASED, KEYS).stream().map(PUBLICATION::publish).toList();
    }

    private static PublishedMonth month(TribunalRelease release, int month) {
        return release.months().stream().filter(m -> m.month().equals(YearMonth.of(2019, month))).findFirst()
                      .orElseThrow();
    }

    private static List<CaseRecord> cases(int count, String filedOn) {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(filed("c" + i, filedOn, i % 3 == 0 ? OffenceCategory.FORCED_MARRIAGE : OffenceCategory.RAPE));
        }
        return records;
    }

    private static Map<String, Long> sequences(List<CaseRecord> records) {
        Map<String, Long> sequences = new HashMap<>();
        records.forEach(record -> sequences.put(record.caseId(), record.lastSequence()));
        return sequences;
    }

    private static CaseRecord filed(String caseId, String on, OffenceCategory offence) {
        return CaseRecord.filed(new CaseFiled(new CaseId(caseId), "R-" + caseId, new TribunalId(T),
                LocalDate.parse(on), null, offence, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED,
                null), 0);
    }
}
