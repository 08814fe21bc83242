package org.greffe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load: {@code threads} clients each send the next request as soon as the previous answer arrives, for
 * a fixed time; throughput and latency percentiles of the answers.
 *
 * @param requests  answers received
 * @param seconds   how long the load ran
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 */
record Load(long requests, double seconds, double p50Millis, double p99Millis) {

    /** A request that returns its HTTP status. */
    interface Call {
        int send() throws Exception;
    }

    double throughput() {
        return requests / seconds;
    }

    static Load run(int threads, double seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status = call.send();
                        if (status != 200) {
                            throw new IllegalStateException("answered " + status);
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - sent;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                all.add(result.get());
            }
            return of(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The load of these answers' latencies (nanoseconds, one array per client), received over {@code seconds}. */
    static Load of(List<long[]> latencies, double seconds) {
        long[] merged = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (merged.length == 0) {
            throw new IllegalStateException("no request completed");
        }
        return new Load(merged.length, seconds, percentile(merged, 0.50), percentile(merged, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
