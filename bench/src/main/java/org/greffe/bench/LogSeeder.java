package org.greffe.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Fills {@code domain_event_entry} with a large log of synthetic cases by {@code COPY}, in Greffe's stored format,
 * far faster than recording them through the API could, with the authentication code of each event in
 * {@code event_authentication}, made as Greffe makes it (the layout in docs/audit-format.md) with the key Greffe will
 * read, so
 * that the seeded log is one Greffe would have appended. The cases' events interleave, 2,000 cases in progress at a
 * time, as in a real log. With {@code gaps}, global indexes are skipped as rolled-back
 * and concurrent transactions leave them, and the events are stamped as recorded just now, which is what a rebuild
 * started right after heavy concurrent appends meets.
 */
final class LogSeeder {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CHUNK = 5_000;
    private static final int OPEN_CASES = 2_000;

    private LogSeeder() {
    }

    /**
     * Appends {@code count} events after what the table holds.
     *
     * @param gaps     skip 1 to 3 global indexes after every 40 events, and stamp the events as recorded now
     * @param key      the file of Greffe's current append authentication key
     * @param progress told the number of events written so far, now and then
     */
    static void seed(Connection connection, long count, boolean gaps, Path key, LongConsumer progress)
            throws SQLException, IOException {
        seed(connection, count, gaps, key, progress, SyntheticCases::events);
    }

    /** As above, with the cases {@code cases} makes from their numbers. */
    static void seed(Connection connection, long count, boolean gaps, Path key, LongConsumer progress,
                     LongFunction<List<SyntheticCases.Event>> cases) throws SQLException, IOException {
        connection.setAutoCommit(false);
        AppendCodes codes = new AppendCodes(Files.readAllBytes(key));
        // One COPY at a time on a connection: the codes wait in a file until the events are in.
        Path codeFile = Files.createTempFile("greffe-seed-codes", ".csv");
        long index;
        long firstCase;
        try (Statement sql = connection.createStatement()) {
            var rs = sql.executeQuery("SELECT coalesce(max(global_index), 0), count(DISTINCT aggregate_identifier) "
                    + "FROM domain_event_entry");
            rs.next();
            index = rs.getLong(1);
            firstCase = 1_000_000_000L + rs.getLong(2);
        }
        Instant base = gaps ? Instant.now().minusMillis(count) : Instant.parse("2021-01-01T00:00:00Z");
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,"
                        + " meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN (FORMAT csv)");
        StringBuilder chunk = new StringBuilder(CHUNK * 700);
        StringBuilder codeChunk = new StringBuilder(CHUNK * 120);
        var codeOut = Files.newBufferedWriter(codeFile, StandardCharsets.US_ASCII);
        long written = 0;
        long caseNumber = firstCase;
        // Cases interleave, as in a court's log: OPEN_CASES are in progress at any time, and each takes its next
        // event in turn, so a case's events lie thousands of positions apart.
        Deque<Iterator<SyntheticCases.Event>> open = new ArrayDeque<>(OPEN_CASES);
        while (written < count) {
            while (open.size() < OPEN_CASES) {
                open.add(cases.apply(caseNumber++).iterator());
            }
            Iterator<SyntheticCases.Event> next = open.poll();
            SyntheticCases.Event event = next.next();
            if (next.hasNext()) {
                open.add(next);
            }
            index++;
            if (gaps && written % 40 == 39) {
                index += 1 + written % 3;
            }
            // Metadata in the forms the registry stores: a UUID (here the case's) as correlation id.
            String meta = "{\"correlationId\":\"" + event.caseId() + "\",\"source\":\"import\","
                    + "\"user\":\"bench\"}";
            byte[] metaData = meta.getBytes(StandardCharsets.UTF_8);
            String identifier = UUID.randomUUID().toString();
            String recorded = base.plusMillis(written).toString();
            chunk.append(index).append(',').append(event.caseId()).append(',').append(event.sequence())
                 .append(",Case,").append(identifier).append(",\\x")
                 .append(HEX.formatHex(metaData)).append(",\\x")
                 .append(HEX.formatHex(event.payload())).append(',').append(event.revision()).append(',')
                 .append(event.payloadType()).append(',').append(recorded).append('\n');
            codeChunk.append(identifier).append(',').append(codes.keyId()).append(",\\x")
                     .append(HEX.formatHex(codes.of(identifier, event.caseId(), event.sequence(), "Case",
                             event.payloadType(), event.revision(), recorded, event.payload(), metaData)))
                     .append('\n');
            written++;
            if (written % CHUNK == 0) {
                flush(copy, chunk);
                codeOut.write(codeChunk.toString());
                codeChunk.setLength(0);
                progress.accept(written);
            }
        }
        boolean told = written % CHUNK == 0;
        flush(copy, chunk);
        copy.endCopy();
        codeOut.write(codeChunk.toString());
        codeOut.close();
        CopyIn codeCopy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY event_authentication (event_identifier, key_id, mac) FROM STDIN (FORMAT csv)");
        try (var in = Files.newInputStream(codeFile)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                codeCopy.writeToCopy(buffer, 0, read);
            }
        }
        codeCopy.endCopy();
        Files.delete(codeFile);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT setval('domain_event_entry_global_index_seq', " + (index + (gaps ? 2 : 0)) + ")");
        }
        connection.commit();
        try (Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("VACUUM ANALYZE domain_event_entry");
        }
        if (!told) {
            progress.accept(written);
        }
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
