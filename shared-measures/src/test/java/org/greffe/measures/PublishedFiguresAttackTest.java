package org.greffe.measures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.measures.MonthCells.Tables;

/**
 * Whatever the threshold, the published months of random dockets let {@link DisclosureAttack} pin no hidden cell and
 * no count from 1 to k - 1: every published count bounds its truth within the noise, every exact total ties the
 * counts it is made of, and the bounds are tightened as far as they go. (The application's
 * {@code DisclosureAttackIntegrationTest} plays the same attacker through HTTP and across releases.)
 */
class PublishedFiguresAttackTest {

    private static final CellKey KEYS = new CellKey("the attack test's own secret...".getBytes(StandardCharsets.UTF_8));
    private static final MonthlyCaseload MONTHLY = new MonthlyCaseload(new TimeStandards(365, Map.of()));
    private static final YearMonth LAST = YearMonth.of(2021, 6);

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {2, 3, 4, 5})
    void noHiddenCellAndNoSmallCountIsPinned(int threshold) {
        Publication publication = new Publication(KEYS, threshold);
        DisclosureAttack attack = new DisclosureAttack();
        Map<String, Long> truth = new LinkedHashMap<>();
        Set<String> hidden = new HashSet<>();
        // One docket with large tribunals, and many with tribunals of a few cases, where small counts abound.
        for (int docket = 0; docket <= 40; docket++) {
            List<CaseRecord> records = RandomCases.records(100 * threshold + docket, docket == 0 ? 350 : 25);
            for (String tribunal : RandomCases.TRIBUNALS) {
                int pendingBefore = 0;
                YearMonth first = MonthlyCaseload.firstMonth(tribunal, records).orElse(LAST.plusMonths(1));
                for (MonthCells month : MONTHLY.months(tribunal, records, first, LAST, KEYS)) {
                    String prefix = docket + "|" + tribunal + "|" + month.month() + "|";
                    constrain(attack, truth, hidden, prefix, month, publication.publish(month), pendingBefore,
                            threshold);
                    pendingBefore = month.pending();
                }
            }
        }
        Map<String, long[]> proven = attack.propagate();
        List<String> disclosed = new ArrayList<>();
        int attackable = 0;
        for (Map.Entry<String, Long> unknown : truth.entrySet()) {
            long value = unknown.getValue();
            long[] bounds = proven.getOrDefault(unknown.getKey(), new long[]{0, Long.MAX_VALUE});
            assertThat(value).as(unknown.getKey()).isBetween(bounds[0], bounds[1]);
            boolean protectedCount = hidden.contains(unknown.getKey()) || value >= 1 && value < threshold;
            attackable += protectedCount ? 1 : 0;
            if (protectedCount && bounds[0] == bounds[1]) {
                disclosed.add(unknown.getKey() + " = " + value);
            }
        }
        assertThat(attackable).as("hidden cells or small counts to attack").isGreaterThan(200);
        assertThat(disclosed).as("pinned").isEmpty();
    }

    private static void constrain(DisclosureAttack attack, Map<String, Long> truth, Set<String> hidden, String prefix,
                                  MonthCells month, PublishedMonth published, int pendingBefore, int threshold) {
        int outgoing = month.table(Tables.OUTGOING).values().stream().mapToInt(Integer::intValue).sum();
        truth.put(prefix + "in", (long) single(month, Tables.INCOMING));
        truth.put(prefix + "out", (long) outgoing);
        attack.published(prefix + "in", published.incoming(), CellKey.MAX_NOISE);
        attack.published(prefix + "out", published.outgoing(), CellKey.MAX_NOISE);
        attack.equation(Map.of(prefix + "in", 1, prefix + "out", -1), month.pending() - pendingBefore);
        if (!published.brokenDown()) {
            return;
        }
        Map<String, Integer> stock = new LinkedHashMap<>();
        known(attack, truth, prefix + "suspended", single(month, Tables.SUSPENDED), published.suspended());
        stock.put(prefix + "suspended", 1);
        List<Integer> ages = month.table(Tables.AGE).values();
        List<String> bands = month.table(Tables.AGE).cells();
        for (int band = 0; band < bands.size(); band++) {
            known(attack, truth, prefix + "age:" + bands.get(band), ages.get(band),
                    published.ageBands().get(bands.get(band)));
            stock.put(prefix + "age:" + bands.get(band), 1);
        }
        attack.equation(stock, month.pending());
        known(attack, truth, prefix + "beyond", single(month, Tables.BEYOND_STANDARD), published.beyondStandard());
        known(attack, truth, prefix + "victims", single(month, Tables.VICTIMS), published.victims());
        attack.bound(prefix + "victims", month.pending(), DisclosureAttack.UNBOUNDED);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.OFFENCE), published.offence(), month.pending(),
                Map.of(), threshold);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.ACCUSED), published.accused(), month.pending(),
                Map.of(), threshold);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.VICTIM_GROUP), published.victimGroup(), 0,
                Map.of(prefix + "victims", -1), threshold);
        // The stall tables: two of every pending case, one of the suspended ones, one of the active ones (the age
        // bands add up to them, and so do the pending less the suspended).
        PublishedMonth.StallCells stalls = published.stalls();
        breakdown(attack, truth, hidden, prefix, month.table(Tables.LATEST_HEARING), stalls.latestHearing(),
                month.pending(), Map.of(), threshold);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.REPORTING_DELAY), stalls.reportingDelay(),
                month.pending(), Map.of(), threshold);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.SUSPENSION_REASON), stalls.suspensionReason(), 0,
                Map.of(prefix + "suspended", -1), threshold);
        breakdown(attack, truth, hidden, prefix, month.table(Tables.INACTIVITY), stalls.inactivity(), month.pending(),
                Map.of(prefix + "suspended", 1), threshold);
    }

    private static void breakdown(DisclosureAttack attack, Map<String, Long> truth, Set<String> hidden,
                                  String prefix, MonthCells.Table exact, Map<String, Integer> published, int total,
                                  Map<String, Integer> others, int threshold) {
        Map<String, Integer> equation = new LinkedHashMap<>();
        int smallestShown = published.values().stream().filter(count -> count != null).mapToInt(Integer::intValue)
                                     .min().orElse(Integer.MAX_VALUE / 8);
        for (int cell = 0; cell < exact.cells().size(); cell++) {
            String name = prefix + exact.name() + ":" + exact.cells().get(cell);
            truth.put(name, (long) exact.values().get(cell));
            equation.put(name, 1);
            Integer count = published.get(exact.cells().get(cell));
            if (count == null) {
                hidden.add(name);
                attack.bound(name, 0, (long) Math.max(threshold, smallestShown) + CellKey.MAX_NOISE);
            } else {
                attack.published(name, count, CellKey.MAX_NOISE);
            }
        }
        equation.putAll(others);
        attack.equation(equation, total);
    }

    private static void known(DisclosureAttack attack, Map<String, Long> truth, String name, int exact,
                              int published) {
        truth.put(name, (long) exact);
        attack.published(name, published, CellKey.MAX_NOISE);
    }

    private static int single(MonthCells month, String table) {
        return month.table(table).values().get(0);
    }
}
