package org.greffe.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What a soak run saw in each window of its mixed load: the requests' latencies, the heap each instance kept after
 * its collections, and the database connections open, so that growth over time shows as a trend across windows.
 *
 * @param window        the window's number, from 1
 * @param writes        commands answered in the window
 * @param writeP50      their median latency, ms
 * @param writeP99      their 99th percentile, ms
 * @param reads         exact caseload reads of the tribunals held at a fixed size answered in the window
 * @param readP50       their median latency, ms
 * @param readP99       their 99th percentile, ms
 * @param growingReads  exact caseload reads of the tribunals the soak files cases at answered in the window
 * @param growingReadP99 their 99th percentile, ms: grows with those tribunals' caseloads
 * @param heapAfterGcMiB the most heap any instance kept after a collection in the window; without one in the window,
 *                       what the last collection before it kept. Young collections leave the old generation's garbage:
 *                       this rises until G1's next marking cycle, leak or not
 * @param liveHeapMiB   the most heap live objects held in any instance at the window's end: what a full collection
 *                      asked for then left
 * @param connections   connections to the database at the window's end
 */
record Soak(int window, long writes, double writeP50, double writeP99, long reads, double readP50, double readP99,
            long growingReads, double growingReadP99, long heapAfterGcMiB, long liveHeapMiB, int connections) {

    /** Connections to the database open now, Greffe's and the bench's one. */
    static int connections(Database database, String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection connection = database.connect(url); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name
                     + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The most heap after a collection in the servers' collector logs since the marks, MiB. */
    static long heapAfterGc(List<GreffeServer> servers, long[] marks) throws IOException {
        long most = 0;
        for (int i = 0; i < servers.size(); i++) {
            most = Math.max(most, servers.get(i).heapAfterGcMiB(marks[i]));
        }
        return most;
    }

    /** The most heap live objects hold in any of the servers now, after a full collection in each, MiB. */
    static long liveHeap(List<GreffeServer> servers) throws IOException, InterruptedException {
        long most = 0;
        for (GreffeServer server : servers) {
            most = Math.max(most, server.liveHeapMiB());
        }
        return most;
    }

    /** Latencies in nanoseconds, gathered by many threads: median and 99th percentile, ms. */
    static double[] percentiles(List<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new double[]{0, 0};
        }
        return new double[]{sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.5 * sorted.length) - 1)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6};
    }

    String line() {
        return String.format(Locale.ROOT, "window %d: %d writes (p50 %.1f ms, p99 %.1f), %d reads (p50 %.1f ms, "
                + "p99 %.1f), %d reads of growing tribunals (p99 %.1f ms), heap after GC %d MiB, live heap %d MiB, "
                + "%d connections", window, writes, writeP50, writeP99, reads, readP50, readP99, growingReads,
                growingReadP99, heapAfterGcMiB, liveHeapMiB, connections);
    }
}
