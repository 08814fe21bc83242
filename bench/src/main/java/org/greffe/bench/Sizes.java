package org.greffe.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How much each scenario does. {@code smoke} checks in a minute or two that the harness works (CI runs it);
 * {@code full} is the measurement.
 *
 * @param name               smoke or full
 * @param singleClientCalls  commands sent by the single client
 * @param perClientCalls     commands sent by each of the 16 concurrent clients
 * @param importEvents       events in the imported docket file the import's target applies to
 * @param largeImportEvents  events in a second, larger docket file, for the import's growth (0: none)
 * @param readThreads        concurrent clients of the read-latency load
 * @param readSeconds        how long each read load runs
 * @param logSizes           log sizes at which the rebuild and the bitemporal query are measured
 * @param referenceSize      the log size the targets refer to (the Axon-defaults and gap rebuilds use it)
 * @param defaultsSeconds    how long the rebuild on Axon's default settings runs before its rate is read
 * @param forecastEvents     events in the forecast's log: one tribunal, four cases in five pending (about one pending
 *                           case for every 9 events)
 * @param catchUpThreshold   {@code greffe.caseload.bulk-catch-up-threshold} of the Greffe whose first start on each
 *                           log is measured: Greffe's default in the full run; low enough in the smoke run that its
 *                           small log takes the bulk path too, so that the harness's reading of it is exercised
 * @param warmupSeconds      how long 16 clients file cases, untimed, before the command path is measured: on two
 *                           cores, Greffe's JIT compiler threads still take a fifth of a core three minutes into the
 *                           load and are quiet after four (docs/benchmarks.md, "Command path")
 * @param soakSeconds        how long two instances run the soak's steady mixed load (the full size: 30 minutes)
 */
record Sizes(String name, int singleClientCalls, int perClientCalls, int importEvents, int largeImportEvents,
             int readThreads, double readSeconds, List<Long> logSizes, long referenceSize, double defaultsSeconds,
             long forecastEvents, long catchUpThreshold, double warmupSeconds, double soakSeconds) {

    static Sizes of(String name) {
        return switch (name) {
            case "smoke" -> new Sizes(name, 100, 10, 500, 0, 8, 2, List.of(5_000L), 5_000L, 3, 5_000L, 1_000, 1,
                    20);
            case "full" -> new Sizes(name, 1_000, 200, 100_000, 1_000_000, 16, 20,
                    List.of(100_000L, 1_000_000L, 3_000_000L), 1_000_000L, 60, 90_000L, 10_000, 240, 1_800);
            default -> throw new IllegalArgumentException("--size must be smoke or full, not " + name);
        };
    }

    /** The same sizes with other log sizes (the first is then the reference), e.g. to explore one point. */
    Sizes withLogSizes(String csv) {
        List<Long> sizes = Arrays.stream(csv.split(",")).map(String::strip).map(Long::parseLong).toList();
        return new Sizes(name, singleClientCalls, perClientCalls, importEvents, largeImportEvents, readThreads,
                readSeconds, sizes, sizes.contains(referenceSize) ? referenceSize : sizes.get(0), defaultsSeconds,
                forecastEvents, catchUpThreshold, warmupSeconds, soakSeconds);
    }

    /** The same sizes with other import sizes: the targeted one, and the growth one (0 for none). */
    Sizes withImportEvents(int events, int largeEvents) {
        return new Sizes(name, singleClientCalls, perClientCalls, events, largeEvents, readThreads, readSeconds,
                logSizes, referenceSize, defaultsSeconds, forecastEvents, catchUpThreshold, warmupSeconds,
                soakSeconds);
    }

    /** The same sizes with another length of the soak. */
    Sizes withSoakSeconds(double seconds) {
        return new Sizes(name, singleClientCalls, perClientCalls, importEvents, largeImportEvents, readThreads,
                readSeconds, logSizes, referenceSize, defaultsSeconds, forecastEvents, catchUpThreshold, warmupSeconds,
                seconds);
    }

    /** The same sizes with another warm-up of the command path. */
    Sizes withWarmupSeconds(double seconds) {
        return new Sizes(name, singleClientCalls, perClientCalls, importEvents, largeImportEvents, readThreads,
                readSeconds, logSizes, referenceSize, defaultsSeconds, forecastEvents, catchUpThreshold, seconds,
                soakSeconds);
    }
}
