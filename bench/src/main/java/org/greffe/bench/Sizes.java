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
 * @param importEvents       events in the imported docket file
 * @param readThreads        concurrent clients of the read-latency load
 * @param readSeconds        how long each read load runs
 * @param logSizes           log sizes at which the rebuild and the bitemporal query are measured
 * @param referenceSize      the log size the targets refer to (the Axon-defaults and gap rebuilds use it)
 * @param defaultsSeconds    how long the rebuild on Axon's default settings runs before its rate is read
 * @param forecastEvents     events in the forecast's log: one tribunal, four cases in five pending (about one pending
 *                           case for every 9 events)
 * @param warmupSeconds      how long 16 clients file cases, untimed, before the command path is measured
 */
record Sizes(String name, int singleClientCalls, int perClientCalls, int importEvents, int readThreads,
             double readSeconds, List<Long> logSizes, long referenceSize, double defaultsSeconds, long forecastEvents,
             double warmupSeconds) {

    static Sizes of(String name) {
        return switch (name) {
            case "smoke" -> new Sizes(name, 100, 10, 500, 8, 2, List.of(5_000L), 5_000L, 3, 5_000L, 1);
            case "full" -> new Sizes(name, 1_000, 200, 100_000, 16, 20, List.of(100_000L, 1_000_000L, 3_000_000L),
                    1_000_000L, 60, 90_000L, 60);
            default -> throw new IllegalArgumentException("--size must be smoke or full, not " + name);
        };
    }

    /** The same sizes with other log sizes (the first is then the reference), e.g. to explore one point. */
    Sizes withLogSizes(String csv) {
        List<Long> sizes = Arrays.stream(csv.split(",")).map(String::strip).map(Long::parseLong).toList();
        return new Sizes(name, singleClientCalls, perClientCalls, importEvents, readThreads, readSeconds, sizes,
                sizes.contains(referenceSize) ? referenceSize : sizes.get(0), defaultsSeconds, forecastEvents,
                warmupSeconds);
    }

    Sizes withImportEvents(int events) {
        return new Sizes(name, singleClientCalls, perClientCalls, events, readThreads, readSeconds, logSizes,
                referenceSize, defaultsSeconds, forecastEvents, warmupSeconds);
    }
}
