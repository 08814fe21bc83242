package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.greffe.app.security.Role;
import org.greffe.measures.DisclosureAttack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a determined advocate against generated dockets of four small tribunals, through two monthly releases with
 * late registrations between them, and fails if any sequence of the requests it makes pins a hidden cell, or any
 * count from 1 to k - 1, to one value.
 *
 * <p>The attacker asks for single-day periods, periods one day apart, every month, overlapping periods, the
 * timeline, the overview, and watches the stream while a clerk records; keeps every answer of the first release and
 * of the second; checks that the answers it could combine say nothing beyond the published months (overlapping
 * periods add up, days of a month answer alike, the overview is the tribunal pages); then turns every published
 * figure into bounds on the true counts and every exact total into an equation ({@link DisclosureAttack}: the three
 * tables against their shared total, the age bands and suspended cases against pending, what came in less what went
 * out against the change of pending), and proves the tightest bounds it can. It is told which months the late
 * registrations left unchanged (an insider's knowledge), and takes each such month's two releases as two views of
 * the same counts. The true counts, read as a clerk when each release was made, must lie
 * within them, and none it pins may be hidden or small.
 */
@Import(DisclosureAttackIntegrationTest.Clocks.class)
class DisclosureAttackIntegrationTest extends HttpIntegrationTest {

    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    private static final List<String> TRIBUNALS = List.of("kidal", "gao", "tombouctou", "kayes");
    private static final YearMonth FIRST = YearMonth.of(2020, 12);
    private static final int K = 5;
    private static final int NOISE = 20;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "attack", false);
    }

    /** Greffe lives in March 2024, until the test moves its clock on. */
    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(LocalDate.of(2024, 3, 11).atTime(9, 0).atZone(BAMAKO).toInstant(), BAMAKO);
        }
    }

    @Autowired
    private MovableClock clock;

    private final String[] advocate = as("attacker", Role.ADVOCATE);
    private final Set<String> hidden = new HashSet<>();

    @Test
    void noSequenceOfRequestsPinsAHiddenCellOrASmallCount() throws Exception {
        awaitRelease(advocate);
        RandomDocket first = new RandomDocket(2024, TRIBUNALS, "ATK");
        for (int i = 0; i < 170; i++) {
            first.filedBetween(LocalDate.of(2021, 1, 4), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 8));
        }
        imported(first);
        release(YearMonth.of(2024, 3));
        Map<String, JsonNode> published1 = publishedMonths(YearMonth.of(2024, 3));
        Map<String, JsonNode> truth1 = withStalls(exactMonths(YearMonth.of(2024, 3)),
                stallMonths(YearMonth.of(2024, 3)));
        Map<String, JsonNode> stalls1 = stallMonths(YearMonth.of(2024, 3), advocate);
        combinedAnswersAddNothing(published1, stalls1, YearMonth.of(2024, 3));

        RandomDocket late = new RandomDocket(2025, TRIBUNALS, "LATE");
        for (int i = 0; i < 30; i++) {
            late.filedBetween(LocalDate.of(2021, 1, 4), LocalDate.of(2024, 3, 28), LocalDate.of(2024, 3, 29));
        }
        streamShowsAdvocatesNothingOfWhatAClerkRecords(late);
        assertThat(publishedMonths(YearMonth.of(2024, 3))).as("a release never changes").isEqualTo(published1);
        release(YearMonth.of(2024, 4));
        Map<String, JsonNode> published2 = publishedMonths(YearMonth.of(2024, 4));
        Map<String, JsonNode> truth2 = withStalls(exactMonths(YearMonth.of(2024, 4)),
                stallMonths(YearMonth.of(2024, 4)));
        Map<String, JsonNode> stalls2 = stallMonths(YearMonth.of(2024, 4), advocate);
        combinedAnswersAddNothing(published2, stalls2, YearMonth.of(2024, 4));

        DisclosureAttack attack = new DisclosureAttack();
        Map<String, Long> truth = new LinkedHashMap<>();
        Map<String, String> keys1 = constrain(attack, truth, "r1", withStalls(published1, stalls1), truth1, Map.of());
        constrain(attack, truth, "r2", withStalls(published2, stalls2), truth2, keys1);
        Map<String, long[]> proven;
        try {
            proven = attack.propagate();
        } catch (IllegalStateException e) {
            String id = e.getMessage().replaceAll(".*(r[12])\\|([a-z]+\\|[0-9-]+)\\|.*", "$2");
            throw new AssertionError(e.getMessage() + "\nr1 " + published1.get(id) + "\nr2 " + published2.get(id)
                    + "\ntruth1 " + truth1.get(id) + "\ntruth2 " + truth2.get(id), e);
        }

        List<String> disclosed = new ArrayList<>();
        int small = 0;
        for (Map.Entry<String, Long> unknown : truth.entrySet()) {
            long value = unknown.getValue();
            long[] bounds = proven.getOrDefault(unknown.getKey(), new long[]{0, Long.MAX_VALUE});
            assertThat(value).as("the truth of " + unknown.getKey() + " lies within what was proven")
                             .isBetween(bounds[0], bounds[1]);
            boolean isSmall = value >= 1 && value < K;
            small += isSmall || hidden.contains(unknown.getKey()) ? 1 : 0;
            if (bounds[0] == bounds[1] && (isSmall || hidden.contains(unknown.getKey()))) {
                disclosed.add(unknown.getKey() + " = " + value);
            }
        }
        assertThat(small).as("counts worth attacking: small or hidden").isGreaterThan(500);
        assertThat(keptMonths).as("months the late registrations changed, whose stocks were kept").isPositive();
        assertThat(disclosed).as("hidden cells or counts from 1 to k - 1 pinned to one value").isEmpty();
        assertThat(hidden.stream().filter(unknown -> unknown.contains("|stalls-")).count())
                .as("hidden cells of the stall tables among those attacked").isGreaterThan(100);
    }

    private void imported(RandomDocket docket) {
        Response report = postLongCsv(docket.csv());
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.json().get("rejected")).as(report.text()).isEmpty();
        awaitProjection();
    }

    /** Moves the clock past the end of the month and waits for its release. */
    private void release(YearMonth month) {
        clock.moveTo(month.plusMonths(1).atDay(1).atTime(0, 30).atZone(BAMAKO).toInstant());
        awaitUntil("the release of " + month, Duration.ofSeconds(60),
                () -> month.toString().equals(get("/api/caseload", advocate).header("Greffe-Release")));
    }

    /** The attacker's view: one answer per tribunal and month, each a period of that month alone. */
    private Map<String, JsonNode> publishedMonths(YearMonth last) {
        return months(last, advocate);
    }

    /** The truth, as a clerk reads it for the same periods. */
    private Map<String, JsonNode> exactMonths(YearMonth last) {
        return months(last);
    }

    private Map<String, JsonNode> months(YearMonth last, String... headers) {
        Map<String, JsonNode> months = new LinkedHashMap<>();
        for (String tribunal : TRIBUNALS) {
            for (YearMonth month = FIRST; !month.isAfter(last); month = month.plusMonths(1)) {
                Response answer = get("/api/caseload/" + tribunal + "?from=" + month.atDay(1) + "&to="
                        + month.atEndOfMonth(), headers);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                months.put(tribunal + "|" + month, answer.json());
            }
        }
        return months;
    }

    /**
     * The stall figures of the pending cases, one answer per tribunal and month as {@link #months} reads the rest;
     * the period's adjournments and filings, which advocates never get, are checked absent.
     */
    private Map<String, JsonNode> stallMonths(YearMonth last, String... headers) {
        Map<String, JsonNode> months = new LinkedHashMap<>();
        for (String tribunal : TRIBUNALS) {
            for (YearMonth month = FIRST; !month.isAfter(last); month = month.plusMonths(1)) {
                Response answer = get("/api/caseload/" + tribunal + "/stalls?from=" + month.atDay(1) + "&to="
                        + month.atEndOfMonth(), headers);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                if (headers.length > 0) {
                    assertThat(answer.json().get("adjournments").isNull()).isTrue();
                    assertThat(answer.json().get("filings").isNull()).isTrue();
                }
                months.put(tribunal + "|" + month, answer.json().get("pending"));
            }
        }
        return months;
    }

    /** Each month's answer with its stall tables beside its figures, under {@code stalls}. */
    private static Map<String, JsonNode> withStalls(Map<String, JsonNode> months, Map<String, JsonNode> stalls) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        months.forEach((id, answer) -> merged.put(id, ((ObjectNode) answer.deepCopy()).set("stalls", stalls.get(id))));
        return merged;
    }

    /** Every other question an advocate can ask is answered from the same published months. */
    private void combinedAnswersAddNothing(Map<String, JsonNode> months, Map<String, JsonNode> stalls,
                                           YearMonth last) {
        JsonNode overview = get("/api/caseload", advocate).json();
        for (String tribunal : TRIBUNALS) {
            JsonNode month = months.get(tribunal + "|" + last);
            JsonNode row = null;
            for (JsonNode candidate : overview) {
                row = candidate.get("tribunalId").asText().equals(tribunal) ? candidate : row;
            }
            for (String stock : List.of("pending", "activePending", "suspended", "neverTried")) {
                assertThat(row.get(stock)).as(tribunal + " overview " + stock).isEqualTo(month.get(stock));
            }
            JsonNode lastStalls = stalls.get(tribunal + "|" + last);
            assertThat(row.get("inactive")).as(tribunal + " overview inactive")
                    .isEqualTo(lastStalls.isNull() ? NullNode.getInstance() : lastStalls.get("inactive").get(">365"));
            JsonNode timeline = get("/api/caseload/" + tribunal + "/timeline?from=" + FIRST.atDay(1) + "&to="
                    + last.atEndOfMonth(), advocate).json();
            for (JsonNode row2 : timeline) {
                JsonNode single = months.get(tribunal + "|" + row2.get("month").asText());
                assertThat(row2.get("incoming")).isEqualTo(single.get("measures").get("incoming"));
                assertThat(row2.get("outgoing")).isEqualTo(single.get("measures").get("outgoing"));
                assertThat(row2.get("pendingEnd")).isEqualTo(single.get("pending"));
            }
            for (int year = 2021; year <= 2023; year++) {
                JsonNode whole = get("/api/caseload/" + tribunal + "?from=" + year + "-02-11&to=" + (year + 1)
                        + "-01-31", advocate).json();
                int incoming = 0;
                int outgoing = 0;
                for (YearMonth m = YearMonth.of(year, 2); !m.isAfter(YearMonth.of(year + 1, 1)); m = m.plusMonths(1)) {
                    incoming += months.get(tribunal + "|" + m).get("measures").get("incoming").asInt();
                    outgoing += months.get(tribunal + "|" + m).get("measures").get("outgoing").asInt();
                }
                assertThat(whole.get("measures").get("incoming").asInt()).as("overlapping periods add up")
                                                                        .isEqualTo(incoming);
                assertThat(whole.get("measures").get("outgoing").asInt()).isEqualTo(outgoing);
                assertThat(whole.get("pendingBy")).isEqualTo(months.get(tribunal + "|" + YearMonth.of(year + 1, 1))
                                                                   .get("pendingBy"));
                JsonNode wholeStalls = get("/api/caseload/" + tribunal + "/stalls?from=" + year + "-02-11&to="
                        + (year + 1) + "-01-31", advocate).json();
                assertThat(wholeStalls.get("pending")).as("a period's stall tables are its last month's")
                        .isEqualTo(stalls.get(tribunal + "|" + YearMonth.of(year + 1, 1)));
            }
            for (LocalDate day = LocalDate.of(2023, 6, 12); day.isBefore(LocalDate.of(2023, 6, 17));
                 day = day.plusDays(1)) {
                JsonNode single = get("/api/caseload/" + tribunal + "?from=" + day + "&to=" + day, advocate).json();
                JsonNode next = get("/api/caseload/" + tribunal + "?to=" + day.plusDays(1), advocate).json();
                assertThat(single).as("a single day is the month that last ended")
                                  .isEqualTo(months.get(tribunal + "|2023-05"));
                assertThat(next).as("to one day apart")
                                .isEqualTo(get("/api/caseload/" + tribunal + "?to=" + day, advocate).json());
            }
        }
        months.values().forEach(answer -> assertThat(answer.get("oldestFiledOn").isNull()).isTrue());
    }

    /**
     * While a clerk records a docket, the clerk's stream moves and the advocate's does not: it speaks of releases,
     * not of events.
     */
    private void streamShowsAdvocatesNothingOfWhatAClerkRecords(RandomDocket docket) throws Exception {
        HttpResponse<Stream<String>> advocateStream = openStream("/api/caseload/stream", advocate);
        HttpResponse<Stream<String>> clerkStream = openStream("/api/caseload/stream");
        BlockingQueue<String> advocateEvents = events(advocateStream);
        BlockingQueue<String> clerkEvents = events(clerkStream);
        try {
            String releaseEvent = advocateEvents.poll(10, TimeUnit.SECONDS);
            assertThat(releaseEvent).contains("\"release\":\"2024-03\"");
            String before = clerkEvents.poll(10, TimeUnit.SECONDS);
            assertThat(before).isNotNull();
            imported(docket);
            String after = clerkEvents.poll(10, TimeUnit.SECONDS);
            assertThat(after).as("the clerk's stream follows the events").isNotNull().isNotEqualTo(before);
            assertThat(advocateEvents.poll(3, TimeUnit.SECONDS)).as("the advocate's stream says nothing").isNull();
        } finally {
            advocateStream.body().close();
            clerkStream.body().close();
        }
    }

    private static BlockingQueue<String> events(HttpResponse<Stream<String>> stream) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:")).forEach(events::add);
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /**
     * Adds what one release's answers say to the attack, and the true values to check it against.
     *
     * @param previous the unknowns of the earlier release, by tribunal and month, shared by a month whose exact figures
     *                 did not change
     * @return this release's unknowns' prefixes, by tribunal and month
     */
    private Map<String, String> constrain(DisclosureAttack attack, Map<String, Long> truth, String release,
                                          Map<String, JsonNode> published, Map<String, JsonNode> exact,
                                          Map<String, String> previous) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (String tribunal : TRIBUNALS) {
            int pendingBefore = 0;
            for (YearMonth month = FIRST; published.containsKey(tribunal + "|" + month); month = month.plusMonths(1)) {
                String id = tribunal + "|" + month;
                JsonNode answer = published.get(id);
                String earlier = previous.get(id);
                boolean unchanged = earlier != null && exact.get(id).equals(earlierTruth.get(id));
                // A past month whose published stocks were kept while its cases changed (fewer than k of them):
                // those stocks describe the earlier release's counts, and say nothing of this release's.
                boolean kept = earlier != null && !unchanged && stocks(answer).equals(stocks(earlierAnswers.get(id)));
                String prefix = unchanged ? earlier : release + "|" + id + "|";
                keptMonths += kept ? 1 : 0;
                prefixes.put(id, prefix);
                earlierTruth.put(id, exact.get(id));
                earlierAnswers.put(id, answer);
                monthUnknowns(attack, prefix, answer, pendingBefore, truth, !kept);
                monthUnknowns(null, prefix, exact.get(id), pendingBefore, truth, true);
                pendingBefore = answer.get("pending").asInt();
            }
        }
        return prefixes;
    }

    /** Past months whose stocks the second release kept although late registrations changed them. */
    private int keptMonths;

    /** The exact figures of each month at the earlier release. */
    private final Map<String, JsonNode> earlierTruth = new LinkedHashMap<>();

    /** The published answers of the earlier release. */
    private final Map<String, JsonNode> earlierAnswers = new LinkedHashMap<>();

    /** A month's published stocks, but its exact total (which a breakdown repeats as its own total). */
    private static List<JsonNode> stocks(JsonNode answer) {
        List<JsonNode> stocks = new ArrayList<>(List.of(answer.get("ageBands"), answer.get("suspended"),
                answer.get("beyondStandard"), answer.get("medianAgeDays"), answer.get("stalls")));
        JsonNode by = answer.get("pendingBy");
        if (!by.isNull()) {
            stocks.addAll(List.of(by.get("offence").get("cells"), by.get("accused").get("cells"),
                    by.get("victimGroup")));
        }
        return stocks;
    }

    /**
     * The unknowns of one month: with {@code attack}, what its published answer says of them; without, their true
     * values from its exact answer.
     *
     * @param stocksPublished false when the answer's stocks were kept from an earlier release
     */
    private void monthUnknowns(DisclosureAttack attack, String prefix, JsonNode answer, int pendingBefore,
                               Map<String, Long> truth, boolean stocksPublished) {
        int pending = answer.get("pending").asInt();
        Map<String, Integer> flows = new LinkedHashMap<>();
        Map<String, Integer> cells = new LinkedHashMap<>();
        JsonNode measures = answer.get("measures");
        flows.put("in", measures.get("incoming").asInt());
        flows.put("out", measures.get("outgoing").asInt());
        boolean brokenDown = !answer.get("pendingBy").isNull();
        Map<String, Integer> stock = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        Map<String, Integer> hiddenBelow = new LinkedHashMap<>();
        if (brokenDown) {
            cells.put("suspended", answer.get("suspended").asInt());
            stock.put(prefix + "suspended", 1);
            answer.get("ageBands").fields().forEachRemaining(band -> {
                cells.put("age:" + band.getKey(), band.getValue().asInt());
                stock.put(prefix + "age:" + band.getKey(), 1);
            });
            if (!answer.get("beyondStandard").isNull()) {
                cells.put("beyond", (int) Math.round(answer.get("beyondStandard").asDouble()
                        * answer.get("activePending").asInt() / 100));
            }
            cells.put("victims", answer.get("pendingBy").get("victimGroup").get("total").asInt());
            for (String table : List.of("offence", "accused", "victimGroup")) {
                Map<String, Integer> equation = new LinkedHashMap<>();
                JsonNode breakdown = answer.get("pendingBy").get(table);
                int smallestShown = Integer.MAX_VALUE;
                for (Iterator<Map.Entry<String, JsonNode>> it = breakdown.get("cells").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> cell = it.next();
                    String unknown = prefix + table + ":" + cell.getKey();
                    equation.put(unknown, 1);
                    if (cell.getValue().get("suppressed").asBoolean()) {
                        hiddenBelow.put(unknown, 0);
                    } else {
                        int count = cell.getValue().get("count").asInt();
                        cells.put(table + ":" + cell.getKey(), count);
                        smallestShown = Math.min(smallestShown, count);
                    }
                }
                // A hidden cell is below k, or hidden with it as the smallest cell then shown: at most the smallest
                // cell still shown. Either way, its noise may have been 20.
                int ceiling = smallestShown == Integer.MAX_VALUE ? (int) DisclosureAttack.UNBOUNDED
                        : Math.max(K, smallestShown);
                equation.keySet().stream().filter(hiddenBelow::containsKey)
                        .forEach(unknown -> hiddenBelow.put(unknown, ceiling));
                tables.put(table, equation);
            }
            JsonNode stalls = answer.get("stalls");
            if (stalls != null && !stalls.isNull()) {
                stallUnknowns(prefix, stalls, attack == null, cells, hiddenBelow, tables);
            }
        }
        if (attack == null) {
            flows.forEach((name, value) -> truth.put(prefix + name, (long) value));
            cells.forEach((name, value) -> truth.put(prefix + name, (long) value));
            return;
        }
        flows.forEach((name, value) -> attack.published(prefix + name, value, NOISE));
        attack.equation(Map.of(prefix + "in", 1, prefix + "out", -1), pending - pendingBefore);
        if (!brokenDown) {
            return;
        }
        if (stocksPublished) {
            cells.forEach((name, value) -> attack.published(prefix + name, value, NOISE));
            hiddenBelow.forEach((unknown, ceiling) -> {
                hidden.add(unknown);
                attack.bound(unknown, 0, (long) ceiling + NOISE);
            });
        }
        attack.bound(prefix + "victims", pending, DisclosureAttack.UNBOUNDED);
        attack.equation(stock, pending);
        attack.equation(tables.get("offence"), pending);
        attack.equation(tables.get("accused"), pending);
        Map<String, Integer> victims = new LinkedHashMap<>(tables.get("victimGroup"));
        victims.put(prefix + "victims", -1);
        attack.equation(victims, 0);
        if (tables.containsKey("byLatestHearing")) {
            // Each pending case once by its latest hearing and once by its reporting delay; each suspended case once
            // by its reason; each active case in one inactivity band, and the bands and the suspended make pending.
            attack.equation(tables.get("byLatestHearing"), pending);
            attack.equation(tables.get("byReportingDelay"), pending);
            Map<String, Integer> suspended = new LinkedHashMap<>(tables.get("suspendedByReason"));
            suspended.put(prefix + "suspended", -1);
            attack.equation(suspended, 0);
            Map<String, Integer> active = new LinkedHashMap<>(tables.get("inactivity"));
            active.put(prefix + "suspended", 1);
            attack.equation(active, pending);
        }
    }

    /**
     * The unknowns of a month's stall tables. Three are tables of cells like the breakdowns; the inactivity table is
     * published as cumulative counts ({@code >90}, {@code >180}, {@code >365}), from which the attacker takes each
     * band the differences give (each as noisy as a published cell), and knows nothing of the others (hidden, or
     * never published: the first band) but that the bands add up to the active cases.
     *
     * @param exact whether the answer is the clerk's (the truth) rather than the advocate's
     */
    private void stallUnknowns(String prefix, JsonNode stalls, boolean exact, Map<String, Integer> cells,
                               Map<String, Integer> hiddenBelow, Map<String, Map<String, Integer>> tables) {
        for (String table : List.of("byLatestHearing", "suspendedByReason", "byReportingDelay")) {
            Map<String, Integer> equation = new LinkedHashMap<>();
            int smallestShown = Integer.MAX_VALUE;
            for (Iterator<Map.Entry<String, JsonNode>> it = stalls.get(table).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = it.next();
                String name = "stalls-" + table + ":" + cell.getKey();
                equation.put(prefix + name, 1);
                if (cell.getValue().isNull()) {
                    hiddenBelow.put(prefix + name, 0);
                } else {
                    cells.put(name, cell.getValue().asInt());
                    smallestShown = Math.min(smallestShown, cell.getValue().asInt());
                }
            }
            int ceiling = smallestShown == Integer.MAX_VALUE ? (int) DisclosureAttack.UNBOUNDED
                    : Math.max(K, smallestShown);
            equation.keySet().stream().filter(hiddenBelow::containsKey)
                    .forEach(unknown -> hiddenBelow.put(unknown, ceiling));
            tables.put(table, equation);
        }
        JsonNode inactive = stalls.get("inactive");
        Integer over90 = count(inactive.get(">90"));
        Integer over180 = count(inactive.get(">180"));
        Integer over365 = count(inactive.get(">365"));
        Integer[] bands = {exact ? stalls.get("active").asInt() - over90 : null,
            over90 == null || over180 == null ? null : over90 - over180,
            over180 == null || over365 == null ? null : over180 - over365, over365};
        String[] names = {"0-90", "91-180", "181-365", ">365"};
        Map<String, Integer> equation = new LinkedHashMap<>();
        for (int band = 0; band < names.length; band++) {
            String name = "stalls-inactivity:" + names[band];
            equation.put(prefix + name, 1);
            if (bands[band] != null) {
                cells.put(name, bands[band]);
            } else if (band > 0) {
                hiddenBelow.put(prefix + name, (int) DisclosureAttack.UNBOUNDED);
            }
        }
        tables.put("inactivity", equation);
    }

    private static Integer count(JsonNode cell) {
        return cell == null || cell.isNull() ? null : cell.asInt();
    }
}
