package org.greffe.app.integrity;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.serialization.SerializedObject;
import org.greffe.platform.eventlog.StreamLocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store, which also records the authentication code of every event it appends, in
 * {@code event_authentication}, in the same statement as the event row: an event is stored with its code or not at
 * all. The code is computed from the very values bound to the row: the serialized payload and metadata, the recorded
 * time formatted as Axon formats it (milliseconds, ISO-8601), and the identity, case, sequence and types. An append
 * is one statement, whatever its number of events: one round trip for the events and their codes.
 * <p>
 * It never reads a snapshot: Greffe takes none, and one written into {@code snapshot_event_entry} by hand would be the
 * state the next command is decided on. Axon's engine would look for one on every load of an aggregate (a query per
 * command, whose answer its snapshot filter then threw away); this one does not ask, and the runtime role may not read
 * the table.
 * <p>
 * A case's events are read in one query when it has fewer than {@value #BATCH}, the next batch only after a full one.
 * Axon's JDBC engine reads on until a batch comes back empty, in case a stream has gaps in its sequence numbers (a
 * second query for every command on an existing case); a case's stream has none: Axon numbers a case's events one
 * after the other, the unique key refuses a second event at a number, and the triggers refuse any removal.
 * <p>
 * When the transaction asked for the lock of the stream it reads ({@link StreamLocks}, a case locked for a command),
 * the lock and the read go in one round trip: the lock's statement, then the read's, which starts once the lock is
 * held and so sees every event the lock's previous holder committed.
 */
final class AuthenticatedEventStorageEngine extends JdbcEventStorageEngine {

    /** Events read per query, Axon's default; a shorter batch is the stream's last. */
    static final int BATCH = 100;

    private final TransactionManager transactions;

    /**
     * @param builder      Axon's engine, configured; its statement for appends is replaced by one that writes the
     *                     codes
     * @param transactions the transaction manager given to the builder, which a locked read joins as Axon's do
     * @param keys         the key that authenticates each append, the current one when the statement is built
     */
    AuthenticatedEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions,
                                    AppendKeys keys) {
        super(builder.batchSize(BATCH)
                     .finalAggregateBatchPredicate(batch -> batch.size() < BATCH)
                     .appendEvents(withCodes(keys)));
        this.transactions = transactions;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        if (!StreamLocks.takeRequested(aggregateIdentifier)) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        return transactions.fetchInTransaction(() -> lockAndRead(aggregateIdentifier, firstSequenceNumber, batchSize));
    }

    /** Two statements, one round trip: the stream's lock, then Axon's read of the stream. */
    private List<DomainEventData<?>> lockAndRead(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        EventSchema schema = schema();
        String read = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn()
                + " >= ? AND " + schema.sequenceNumberColumn() + " < ? ORDER BY " + schema.sequenceNumberColumn()
                + " ASC";
        try (Connection connection = getConnection();
             PreparedStatement statement = connection.prepareStatement(StreamLocks.LOCK + ";\n" + read)) {
            statement.setString(1, aggregateIdentifier);
            statement.setString(2, aggregateIdentifier);
            statement.setLong(3, firstSequenceNumber);
            statement.setLong(4, firstSequenceNumber + batchSize);
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("the read of the stream answered no rows after its lock");
            }
            List<DomainEventData<?>> events = new ArrayList<>();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    events.add(getDomainEventData(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new EventStoreException("Failed to lock and read the events of aggregate [" + aggregateIdentifier
                    + "]", e);
        }
    }

    /** No snapshot is ever read: every aggregate is loaded from its events, from the first. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /**
     * One statement for all the events of an append and their codes, whether one command's or a docket chunk's
     * thousand: the events' columns and the codes are bound as arrays, the events are inserted in the order given
     * (so that their global indexes follow it, as the projection needs a case's events in sequence), and the codes'
     * insert runs in the same statement, so an event is stored with its code or not at all.
     */
    private static AppendEventsStatementBuilder withCodes(AppendKeys keys) {
        return (connection, schema, dataType, events, serializer, timestamps) -> {
            int size = events.size();
            String[] identifiers = new String[size];
            String[] cases = new String[size];
            Long[] sequences = new Long[size];
            String[] types = new String[size];
            String[] times = new String[size];
            String[] payloadTypes = new String[size];
            String[] revisions = new String[size];
            byte[][] payloads = new byte[size][];
            byte[][] metaData = new byte[size][];
            byte[][] codes = new byte[size][];
            AppendKeys.Key key = keys.current();
            for (int i = 0; i < size; i++) {
                DomainEventMessage<?> event = EventUtils.asDomainEventMessage(events.get(i));
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> meta = event.serializeMetaData(serializer, byte[].class);
                identifiers[i] = event.getIdentifier();
                cases[i] = event.getAggregateIdentifier();
                sequences[i] = event.getSequenceNumber();
                types[i] = event.getType();
                times[i] = DateTimeUtils.formatInstant(event.getTimestamp());
                payloadTypes[i] = payload.getType().getName();
                revisions[i] = payload.getType().getRevision();
                payloads[i] = payload.getData();
                metaData[i] = meta.getData();
                codes[i] = EventAuthenticationCode.of(key, identifiers[i], cases[i], sequences[i], types[i],
                        payloadTypes[i], revisions[i], times[i], payloads[i], metaData[i]);
            }
            PreparedStatement statement = connection.prepareStatement(sql(schema));
            int parameter = 1;
            for (Object[] column : new Object[][]{identifiers, cases, types, times, payloadTypes, revisions}) {
                statement.setArray(parameter++, connection.createArrayOf("varchar", column));
            }
            statement.setArray(parameter++, connection.createArrayOf("int8", sequences));
            statement.setArray(parameter++, connection.createArrayOf("bytea", payloads));
            statement.setArray(parameter++, connection.createArrayOf("bytea", metaData));
            statement.setString(parameter++, key.id());
            statement.setArray(parameter++, connection.createArrayOf("varchar", identifiers));
            statement.setArray(parameter, connection.createArrayOf("bytea", codes));
            statement.addBatch();
            return statement;
        };
    }

    private static String sql(EventSchema schema) {
        return "WITH event AS (INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.typeColumn(), schema.timestampColumn(), schema.payloadTypeColumn(),
                schema.payloadRevisionColumn(), schema.sequenceNumberColumn(), schema.payloadColumn(),
                schema.metaDataColumn())
                + ") SELECT e, a, t, ts, pt, pr, s, p, m FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bytea[], ?::bytea[]) WITH ORDINALITY "
                + "AS given (e, a, t, ts, pt, pr, s, p, m, n) ORDER BY n) "
                + "INSERT INTO event_authentication (event_identifier, key_id, mac) "
                + "SELECT e, ?, c FROM unnest(?::varchar[], ?::bytea[]) AS code (e, c)";
    }
}
