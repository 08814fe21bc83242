package org.greffe.measures.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A monthly stock-and-flow model of one tribunal's pending cases, run as many simulated paths.
 *
 * <p>Each forecast month of each path takes the flows of one basis month drawn at random (the bootstrap: the
 * tribunal's own months, with their spread and with what came in and what went out in the same month kept together,
 * rather than a fitted count model that two dozen small monthly counts could not check), scales its filings by the
 * scenario and adds the scenario's extra dispositions. In that month, cases never tried are brought to trial at the
 * basis's monthly rate; the new cases come in, each with a time standard drawn from those of the cases that came in
 * during the basis; then the month's dispositions take pending cases in the scenario's order. Every active case ages
 * a month (a suspended one is held as it is: it neither ages, nor goes out, nor counts in the backlog), so the
 * backlog, the active pending cases beyond their standard, is forecast case by case, not only the count.
 *
 * <p>A month's range is the 10th to the 90th percentile of the paths, its central value their median. The same inputs
 * and seed give the same forecast.
 *
 * <p>Cost: the cases are grouped by the month they cross their standard, so a path costs the months times the cases
 * that move, not times the cases pending.
 */
public final class BacklogForecast {

    /** The longest horizon, in months. */
    public static final int MAX_MONTHS = 120;
    /** The most simulated paths. */
    public static final int MAX_PATHS = 10_000;

    private static final double LOW = 0.10;
    private static final double HIGH = 0.90;

    /**
     * Runs the model.
     *
     * @param input    where it starts and what drives it
     * @param scenario what it assumes on top
     * @param months   the horizon, 1 to {@link #MAX_MONTHS}
     * @param paths    how many paths, 1 to {@link #MAX_PATHS}
     * @param seed     the seed of the paths
     */
    public Forecast run(ForecastInput input, Scenario scenario, int months, int paths, long seed) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + " (got " + months + ")");
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS + " (got " + paths + ")");
        }
        Model model = new Model(input, scenario, months);
        int[][] pending = new int[months][paths];
        int[][] neverTried = new int[months][paths];
        int[][] backlog = new int[months][paths];
        int[] cleared = new int[paths];
        SplittableRandom root = new SplittableRandom(seed);
        for (int path = 0; path < paths; path++) {
            cleared[path] = model.path(root.split(), pending, neverTried, backlog, path);
        }
        List<Forecast.Month> forecast = new ArrayList<>();
        for (int k = 0; k < months; k++) {
            forecast.add(new Forecast.Month(model.monthEnd(k + 1), range(pending[k]), range(neverTried[k]),
                    input.backlogKnown() ? range(backlog[k]) : null));
        }
        return new Forecast(input.asOf(), forecast, clearance(input, scenario, model, cleared),
                assumptions(input, scenario, model, paths, seed), input.basis());
    }

    private static Forecast.Range range(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Forecast.Range(quantile(sorted, LOW), quantile(sorted, 0.5), quantile(sorted, HIGH));
    }

    /** The nearest-rank quantile of sorted values. */
    static int quantile(int[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Forecast.Clearance clearance(ForecastInput input, Scenario scenario, Model model, int[] cleared) {
        if (!input.backlogKnown()) {
            return new Forecast.Clearance(Forecast.Outcome.NOT_FORECAST, null, null, null, null, null, null,
                    "The ages of this tribunal's pending cases are not published (too few cases), so its backlog "
                            + "is not forecast.");
        }
        if (model.initialBacklog == 0) {
            return new Forecast.Clearance(Forecast.Outcome.NO_BACKLOG, 0, 0, 0, null, null, null,
                    "No active case is beyond its time standard on " + input.asOf() + ".");
        }
        int[] sorted = cleared.clone();
        Arrays.sort(sorted);
        Integer p10 = within(quantile(sorted, LOW), model.months);
        Integer p50 = within(quantile(sorted, 0.5), model.months);
        Integer p90 = within(quantile(sorted, HIGH), model.months);
        String backlog = model.initialBacklog + (model.initialBacklog == 1 ? " case" : " cases")
                + " beyond the time standard on " + input.asOf();
        if (p50 != null) {
            String range = p90 == null ? "80% range from " + model.monthEnd(p10) + " to beyond " + model.monthEnd(
                    model.months) : "80% range " + model.monthEnd(p10) + " to " + model.monthEnd(p90);
            return new Forecast.Clearance(Forecast.Outcome.CLEARED, p10, p50, p90, month(model, p10),
                    month(model, p50), month(model, p90), "The backlog of " + backlog + " is cleared by "
                    + model.monthEnd(p50) + " (" + range + ").");
        }
        if (model.basisOutgoing == 0 && scenario.extraDispositions() == 0) {
            return new Forecast.Clearance(Forecast.Outcome.NEVER_AT_CURRENT_PACE, p10, null, null, month(model, p10),
                    null, null, "No case went out of this tribunal in the basis period: at that pace the backlog of "
                    + backlog + " never clears.");
        }
        return new Forecast.Clearance(Forecast.Outcome.NOT_WITHIN_HORIZON, p10, null, null, month(model, p10), null,
                null, "At this pace the backlog of " + backlog + " is not cleared by " + model.monthEnd(model.months)
                + ".");
    }

    private static Integer within(int months, int horizon) {
        return months > horizon ? null : months;
    }

    private static YearMonth month(Model model, Integer months) {
        return months == null ? null : model.monthEnd(months);
    }

    private static Forecast.Assumptions assumptions(ForecastInput input, Scenario scenario, Model model, int paths,
                                                    long seed) {
        List<ForecastInput.BasisMonth> basis = input.basis();
        double[] in = basis.stream().mapToDouble(ForecastInput.BasisMonth::incoming).toArray();
        double[] out = basis.stream().mapToDouble(ForecastInput.BasisMonth::outgoing).toArray();
        double meanIn = mean(in);
        double meanOut = mean(out);
        return new Forecast.Assumptions(basis.isEmpty() ? null : basis.get(0).month(),
                basis.isEmpty() ? null : basis.get(basis.size() - 1).month(), basis.size(), round(meanIn),
                round(spread(in, meanIn)), round(meanOut), round(spread(out, meanOut)),
                round(meanIn * model.filingFactor), round(meanOut + scenario.extraDispositions()),
                BigDecimal.valueOf(input.trialRate()).setScale(4, RoundingMode.HALF_UP).doubleValue(),
                scenario.extraDispositions(), scenario.filingChangePercent(), scenario.order(), paths, seed);
    }

    private static double mean(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
    }

    private static double spread(double[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** The model's fixed parts, shared by every path; each path only reads them. */
    private static final class Model {

        private final int months;
        private final YearMonth firstEnd;
        /** Share of a full month the first forecast month covers (asOf may fall in the middle of a month). */
        private final double firstFraction;
        private final Scenario scenario;
        private final double filingFactor;
        private final double trialRate;
        private final int[] basisIn;
        private final int[] basisOut;
        private final long basisOutgoing;
        /** Time standards of new cases, and the cumulative share of each. */
        private final double[] standardShare;
        /** For a new case of standard s arriving in month k (1-based), the month it crosses its standard. */
        private final int[][] newCross;
        /** Active cases by the month they cross their standard: 0 already beyond, months + 1 not within the horizon. */
        private final int[] activeByCross;
        /** Active cases in first-in-first-out order, as runs of cases crossing in the same month. */
        private final int[] queueCross;
        private final int[] queueCount;
        private final int activeNeverTried;
        private final int suspended;
        private final int suspendedNeverTried;
        private final int initialBacklog;

        Model(ForecastInput input, Scenario scenario, int months) {
            this.months = months;
            this.scenario = scenario;
            LocalDate asOf = input.asOf();
            boolean monthEnd = asOf.equals(YearMonth.from(asOf).atEndOfMonth());
            this.firstEnd = monthEnd ? YearMonth.from(asOf).plusMonths(1) : YearMonth.from(asOf);
            long[] endDays = new long[months + 1];
            for (int k = 1; k <= months; k++) {
                endDays[k] = ChronoUnit.DAYS.between(asOf, monthEnd(k).atEndOfMonth());
            }
            this.firstFraction = Math.min(1.0, endDays[1] / (double) monthEnd(1).lengthOfMonth());
            this.filingFactor = 1 + scenario.filingChangePercent() / 100.0;
            this.trialRate = input.trialRate();
            this.basisIn = input.basis().stream().mapToInt(ForecastInput.BasisMonth::incoming).toArray();
            this.basisOut = input.basis().stream().mapToInt(ForecastInput.BasisMonth::outgoing).toArray();
            this.basisOutgoing = Arrays.stream(basisOut).asLongStream().sum();

            Map<Integer, Integer> standards = input.incomingStandards().isEmpty()
                    ? Map.of(input.defaultStandardDays(), 1) : input.incomingStandards();
            int[] standardDays = standards.keySet().stream().mapToInt(Integer::intValue).toArray();
            this.standardShare = new double[standardDays.length];
            double total = standards.values().stream().mapToInt(Integer::intValue).sum();
            for (int s = 0; s < standardDays.length; s++) {
                standardShare[s] = standards.get(standardDays[s]) / total;
            }
            this.newCross = new int[standardDays.length][months + 1];
            for (int s = 0; s < standardDays.length; s++) {
                for (int k = 1; k <= months; k++) {
                    // Arrives on the first day of month k: aged endDays[j] - endDays[k - 1] days at the end of month j.
                    newCross[s][k] = cross(endDays, k, standardDays[s] + endDays[k - 1]);
                }
            }

            this.activeByCross = new int[months + 2];
            List<ForecastInput.PendingCase> active = new ArrayList<>();
            int untriedActive = 0;
            int held = 0;
            int heldUntried = 0;
            for (ForecastInput.PendingCase pendingCase : input.pending()) {
                if (pendingCase.suspended()) {
                    held++;
                    heldUntried += pendingCase.neverTried() ? 1 : 0;
                } else {
                    active.add(pendingCase);
                    untriedActive += pendingCase.neverTried() ? 1 : 0;
                }
            }
            this.activeNeverTried = untriedActive;
            this.suspended = held;
            this.suspendedNeverTried = heldUntried;
            // A total order on what the queue keeps (when each case crosses its standard), so that the forecast does
            // not depend on the order the records were read in.
            active.sort(Comparator.comparing(ForecastInput.PendingCase::arrivedOn)
                                  .thenComparing(Comparator.comparingLong(ForecastInput.PendingCase::ageDays)
                                                           .reversed())
                                  .thenComparingInt(ForecastInput.PendingCase::standardDays));
            int[] crossing = new int[active.size()];
            int runs = 0;
            for (int i = 0; i < active.size(); i++) {
                ForecastInput.PendingCase pendingCase = active.get(i);
                // Beyond at the end of month k when its age then exceeds its standard.
                crossing[i] = cross(endDays, 0, pendingCase.standardDays() - pendingCase.ageDays());
                activeByCross[crossing[i]]++;
                runs += i == 0 || crossing[i] != crossing[i - 1] ? 1 : 0;
            }
            this.queueCross = new int[runs];
            this.queueCount = new int[runs];
            int run = -1;
            for (int i = 0; i < crossing.length; i++) {
                if (i == 0 || crossing[i] != crossing[i - 1]) {
                    queueCross[++run] = crossing[i];
                }
                queueCount[run]++;
            }
            this.initialBacklog = activeByCross[0];
        }

        /** The first month index from {@code from} whose end day is beyond {@code threshold}; months + 1 if none. */
        private int cross(long[] endDays, int from, long threshold) {
            for (int k = from; k <= months; k++) {
                if (endDays[k] > threshold) {
                    return k;
                }
            }
            return months + 1;
        }

        /** The month whose last day ends forecast month k (1-based); month 0 is asOf's. */
        YearMonth monthEnd(int k) {
            return firstEnd.plusMonths(k - 1L);
        }

        /**
         * One path: fills column {@code path} of the three tables and returns the month its backlog first reached zero
         * (0 when there was none to start with), or {@code months + 1}.
         */
        int path(SplittableRandom random, int[][] pending, int[][] neverTried, int[][] backlog, int path) {
            // One stream each: the flows and the new cases' standards draw the same numbers whatever the scenario's
            // capacity, so a path with more dispositions sees the same months and never keeps more cases.
            SplittableRandom flows = random.split();
            SplittableRandom arrivalsDrawn = random.split();
            SplittableRandom trials = random.split();
            int[] byCross = activeByCross.clone();
            int active = Arrays.stream(byCross).sum();
            int untried = activeNeverTried;
            // The queue: the starting runs (read only; the head run may be partly taken), then the new cases' runs.
            int head = 0;
            int headTaken = 0;
            int[] newCrossRuns = new int[months * newCross.length];
            int[] newCountRuns = new int[months * newCross.length];
            int newHead = 0;
            int newTail = 0;
            int newHeadTaken = 0;
            int clearedAt = initialBacklog == 0 ? 0 : months + 1;
            int[] arrivals = new int[newCross.length];
            for (int k = 1; k <= months; k++) {
                double share = k == 1 ? firstFraction : 1.0;
                int drawn = basisIn.length == 0 ? 0 : flows.nextInt(basisIn.length);
                int in = roundRandomly(flows, (basisIn.length == 0 ? 0 : basisIn[drawn]) * filingFactor * share);
                int capacity = roundRandomly(flows, (basisOut.length == 0 ? 0 : basisOut[drawn]) * share)
                        + roundRandomly(flows, scenario.extraDispositions() * share);

                // A partial first month gives each case the chance of a trial over the days left, not a whole month.
                untried -= binomial(trials, untried, k == 1 ? 1 - Math.pow(1 - trialRate, share) : trialRate);

                arrive(arrivalsDrawn, in, arrivals);
                for (int s = 0; s < arrivals.length; s++) {
                    if (arrivals[s] > 0) {
                        int crossing = newCross[s][k];
                        byCross[crossing] += arrivals[s];
                        newCrossRuns[newTail] = crossing;
                        newCountRuns[newTail++] = arrivals[s];
                    }
                }
                active += in;
                untried += in;

                int out = Math.min(capacity, active);
                if (out > 0) {
                    int untriedOut = binomial(trials, out, (double) untried / active);
                    untriedOut = Math.max(untriedOut, out - (active - untried));
                    untried -= Math.min(untriedOut, untried);
                    active -= out;
                    int left = out;
                    if (scenario.order() == DisposalOrder.OLDEST_FIRST) {
                        for (int c = 0; left > 0; c++) {
                            int taken = Math.min(left, byCross[c]);
                            byCross[c] -= taken;
                            left -= taken;
                        }
                    } else {
                        while (left > 0 && head < queueCount.length) {
                            int taken = Math.min(left, queueCount[head] - headTaken);
                            byCross[queueCross[head]] -= taken;
                            left -= taken;
                            headTaken += taken;
                            if (headTaken == queueCount[head]) {
                                head++;
                                headTaken = 0;
                            }
                        }
                        while (left > 0) {
                            int taken = Math.min(left, newCountRuns[newHead] - newHeadTaken);
                            byCross[newCrossRuns[newHead]] -= taken;
                            left -= taken;
                            newHeadTaken += taken;
                            if (newHeadTaken == newCountRuns[newHead]) {
                                newHead++;
                                newHeadTaken = 0;
                            }
                        }
                    }
                }

                int beyond = 0;
                for (int c = 0; c <= k; c++) {
                    beyond += byCross[c];
                }
                pending[k - 1][path] = active + suspended;
                neverTried[k - 1][path] = untried + suspendedNeverTried;
                backlog[k - 1][path] = beyond;
                if (beyond == 0 && clearedAt > months) {
                    clearedAt = k;
                }
            }
            return clearedAt;
        }

        /**
         * Shares the month's new cases among the time standards (a multinomial draw, one binomial per standard), at a
         * cost that does not grow with the number of cases.
         */
        private void arrive(SplittableRandom random, int in, int[] arrivals) {
            int remaining = in;
            double rest = 1.0;
            for (int s = 0; s < arrivals.length - 1; s++) {
                int drawn = rest <= 0 ? 0 : binomial(random, remaining, Math.min(1.0, standardShare[s] / rest));
                arrivals[s] = drawn;
                remaining -= drawn;
                rest -= standardShare[s];
            }
            arrivals[arrivals.length - 1] = remaining;
        }
    }

    /** The value's whole part, plus one with a chance equal to its fraction: right on average. */
    static int roundRandomly(SplittableRandom random, double value) {
        int whole = (int) Math.floor(value);
        return whole + (random.nextDouble() < value - whole ? 1 : 0);
    }

    /**
     * A binomial draw: exact for up to 2,048 trials, by skipping from one success to the next (geometric gaps, so
     * the cost grows with the successes, at most half the trials); beyond that the Poisson approximation when
     * successes (or failures) are few, the normal one otherwise, rounded and kept within 0 and n.
     */
    static int binomial(SplittableRandom random, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n <= 2048) {
            if (p > 0.5) {
                return n - binomial(random, n, 1 - p);
            }
            double logFailure = Math.log1p(-p);
            int successes = 0;
            long trial = 0;
            while (true) {
                // 1 - u is in (0, 1]: its logarithm is finite; the gap is the failures before the next success.
                double gap = Math.floor(Math.log(1.0 - random.nextDouble()) / logFailure);
                if (trial + gap + 1 > n) {
                    return successes;
                }
                trial += (long) gap + 1;
                successes++;
            }
        }
        double mean = n * p;
        if (mean < 10) {
            return Math.min(n, poisson(random, mean));
        }
        if (n - mean < 10) {
            return n - Math.min(n, poisson(random, n - mean));
        }
        long drawn = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian());
        return (int) Math.max(0, Math.min(n, drawn));
    }

    /** A Poisson draw by inversion, for small means. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
