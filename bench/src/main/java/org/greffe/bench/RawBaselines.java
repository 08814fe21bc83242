package org.greffe.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What PostgreSQL does with no framework in the way, on the same server and in the same run as the scenario it is
 * compared with: single-row insert-and-commit, batched insert, and a sequential read of the event log.
 */
final class RawBaselines {

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS bench_raw_event (
                global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                meta_data            BYTEA,
                payload              BYTEA        NOT NULL,
                payload_revision     VARCHAR(255),
                payload_type         VARCHAR(255) NOT NULL,
                time_stamp           VARCHAR(255) NOT NULL,
                UNIQUE (aggregate_identifier, sequence_number)
            )""";
    private static final String INSERT = "INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, type, "
            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final byte[] META = ("{\"correlationId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"source\":\"api\",\"user\":\"bench\"}").getBytes(StandardCharsets.UTF_8);
    /** Case numbers of baseline rows, unique across the run so rows never collide. */
    private static final AtomicLong NUMBERS = new AtomicLong();

    private final Database database;
    private final String url;

    RawBaselines(Database database, String url) throws SQLException {
        this.database = database;
        this.url = url;
        try (Connection connection = database.connect(url); Statement sql = connection.createStatement()) {
            sql.execute(TABLE);
        }
    }

    /**
     * {@code clients} connections each inserting and committing one row at a time: rows per second, and the latency
     * of each insert and its commit.
     */
    Load singleRowCommits(int clients, int rowsPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(database.connect(url));
        }
        try {
            long start = System.nanoTime();
            List<Future<long[]>> done = new ArrayList<>();
            for (Connection connection : connections) {
                done.add(pool.submit(() -> {
                    long[] latencies = new long[rowsPerClient];
                    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        for (int row = 0; row < rowsPerClient; row++) {
                            long sent = System.nanoTime();
                            bind(insert, NUMBERS.incrementAndGet());
                            insert.executeUpdate();
                            latencies[row] = System.nanoTime() - sent;
                        }
                    }
                    return latencies;
                }));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> future : done) {
                latencies.add(future.get());
            }
            return Load.of(latencies, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Rows per second, one connection inserting in batches of 1,000 rows, one commit per batch. */
    double batchedInsert(long rows) throws SQLException {
        try (Connection connection = database.connect(url)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (long row = 1; row <= rows; row++) {
                    bind(insert, NUMBERS.incrementAndGet());
                    insert.addBatch();
                    if (row % 1000 == 0 || row == rows) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return rows * 1e9 / (System.nanoTime() - start);
        }
    }

    /** Events per second reading the whole event log in global order, every column, 10,000 rows per round trip. */
    static double sequentialRead(Database database, String url) throws SQLException {
        try (Connection connection = database.connect(url)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            long start = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (Statement sql = connection.createStatement()) {
                sql.setFetchSize(10_000);
                try (ResultSet rs = sql.executeQuery("SELECT global_index, aggregate_identifier, sequence_number, "
                        + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp "
                        + "FROM domain_event_entry ORDER BY global_index")) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getString(2).length() + rs.getBytes(6).length + rs.getBytes(7).length
                                + rs.getString(9).length() + rs.getString(10).length();
                    }
                }
            }
            connection.commit();
            if (bytes == 0 && rows > 0) {
                throw new IllegalStateException("read nothing");
            }
            return rows * 1e9 / (System.nanoTime() - start);
        }
    }

    /** The median time of a primary-key SELECT of one audit_chain row, 21 times after 5 untimed, one connection. */
    static double primaryKeySelectMillis(Database database, String url, long globalIndex) throws SQLException {
        try (Connection connection = database.connect(url);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT * FROM audit_chain WHERE global_index >= ? ORDER BY global_index LIMIT 1")) {
            java.util.List<Double> millis = new java.util.ArrayList<>();
            for (int i = 0; i < 26; i++) {
                long start = System.nanoTime();
                select.setLong(1, globalIndex + i);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no chain row at " + (globalIndex + i));
                    }
                }
                if (i >= 5) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            millis.sort(null);
            return millis.get(10);
        }
    }

    private static void bind(PreparedStatement insert, long number) throws SQLException {
        SyntheticCases.Event filed = SyntheticCases.events(number).get(0);
        insert.setString(1, filed.caseId());
        insert.setLong(2, 0);
        insert.setString(3, "Case");
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, META);
        insert.setBytes(6, filed.payload());
        insert.setString(7, filed.revision());
        insert.setString(8, filed.payloadType());
        insert.setString(9, Instant.now().toString());
    }
}
