package org.greffe.audit.infrastructure;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.greffe.audit.application.CaseStreams;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads the event table case by case through its (aggregate, sequence) key, in a read-only REPEATABLE READ
 * transaction of its own connection: one snapshot of the log, whatever is appended meanwhile. A reader thread decodes
 * rows while the caller's thread deserialises and folds the cases before them. Payloads go through
 * the application's serializer and upcasters, as when Axon reads them; metadata is not read, since no fold needs it.
 * A tribunal's cases are found through the {@code domain_event_entry_tribunal} index of filings and transfers.
 *
 * <p>{@code greffe_event_tribunal} and that index are the event store's published schema (event store migrations V2
 * and V6, in the application): the event store owns them, since they live on its table and are kept by every append;
 * this class relies on them as that published contract and defines nothing of the event store itself.
 */
public class JdbcCaseStreams implements CaseStreams {

    private static final byte[] NO_METADATA = "{}".getBytes(StandardCharsets.UTF_8);
    private static final int FETCH_SIZE = 5_000;
    private static final int QUEUED_CASES = 1_000;
    private static final List<DomainEventData<byte[]>> END = List.of();
    private static final String COLUMNS = """
            SELECT aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,
                   payload_revision, payload
            FROM domain_event_entry""";
    private static final String ORDER = " ORDER BY aggregate_identifier, sequence_number";
    private static final String AT_TRIBUNAL = """
            WHERE aggregate_identifier IN (
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE payload_type IN ('org.greffe.events.CaseFiled', 'org.greffe.events.CaseTransferred')
                  AND greffe_event_tribunal(payload_type, payload) = ?)""";

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public JdbcCaseStreams(DataSource dataSource, Serializer serializer, EventUpcaster upcasters) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public Snapshot forEachCase(String tribunalId, Consumer<List<DomainEventMessage<?>>> perCase) {
        // A connection of its own, never the caller's transaction: the caller may be writing while this reads.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long head = head(connection);
                SortedSet<Long> gaps = gaps(connection, head);
                long read = read(connection, tribunalId, perCase);
                return new Snapshot(head, gaps, read);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the event log could not be read: " + e.getMessage(), e);
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static SortedSet<Long> gaps(Connection connection, long head) throws SQLException {
        SortedSet<Long> gaps = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT i FROM generate_series(greatest(? - ?, 1), ? - 1) i
                WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = i)""")) {
            statement.setLong(1, head);
            statement.setLong(2, Snapshot.GAP_WINDOW);
            statement.setLong(3, head);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    gaps.add(rows.getLong(1));
                }
            }
        }
        return gaps;
    }

    /**
     * Reads on a thread of its own, which hands each case's raw rows to the caller's thread through a short queue:
     * decoding rows and deserialising events then run side by side, on two cores.
     */
    private long read(Connection connection, String tribunalId, Consumer<List<DomainEventMessage<?>>> perCase) {
        String sql = COLUMNS + (tribunalId == null ? "" : "\n" + AT_TRIBUNAL) + ORDER;
        BlockingQueue<List<DomainEventData<byte[]>>> cases = new ArrayBlockingQueue<>(QUEUED_CASES);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                readRows(connection, sql, tribunalId, cases);
            } catch (SQLException | RuntimeException e) {
                failure.set(e);
            } catch (InterruptedException e) {
                return; // the caller stopped reading
            }
            try {
                cases.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "case-streams-reader");
        reader.setDaemon(true);
        reader.start();
        long read = 0;
        boolean done = false;
        try {
            while (true) {
                List<DomainEventData<byte[]>> events = cases.take();
                if (events == END) {
                    break;
                }
                read += deliver(events, perCase);
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        } finally {
            if (!done) {
                reader.interrupt();
            }
            join(reader);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the event log could not be read: " + failure.get().getMessage(),
                    failure.get());
        }
        return read;
    }

    private static void readRows(Connection connection, String sql, String tribunalId,
                                 BlockingQueue<List<DomainEventData<byte[]>>> cases)
            throws SQLException, InterruptedException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            if (tribunalId != null) {
                statement.setString(1, tribunalId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<DomainEventData<byte[]>> events = new ArrayList<>();
                String current = null;
                while (rows.next()) {
                    String caseId = rows.getString(1);
                    if (!caseId.equals(current) && !events.isEmpty()) {
                        cases.put(events);
                        events = new ArrayList<>();
                    }
                    current = caseId;
                    events.add(new GenericDomainEventEntry<>(rows.getString(3), caseId, rows.getLong(2),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getBytes(8), NO_METADATA));
                }
                if (!events.isEmpty()) {
                    cases.put(events);
                }
            }
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int deliver(List<DomainEventData<byte[]>> events, Consumer<List<DomainEventMessage<?>>> perCase) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), serializer, upcasters)
                        .forEachRemaining(messages::add);
        perCase.accept(messages);
        return events.size();
    }
}
