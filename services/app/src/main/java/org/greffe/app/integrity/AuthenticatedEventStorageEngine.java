package org.greffe.app.integrity;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store, which also records the authentication code of every event it appends, in
 * {@code event_authentication}, in the same transaction as the event rows: an event is stored with its code or not
 * at all. The code is computed from what Axon binds to the row: the serialized payload and metadata (the messages
 * keep their serialized form, so these are the very bytes written), the recorded time formatted as Axon formats it
 * (milliseconds, ISO-8601), and the identity, case, sequence and types. Appends stay one batch per unit of work;
 * the codes add one batched insert.
 * <p>
 * It never reads a snapshot: Greffe takes none, and one written into {@code snapshot_event_entry} by hand would be the
 * state the next command is decided on. Axon's engine would look for one on every load of an aggregate (a query per
 * command, whose answer its snapshot filter then threw away); this one does not ask, and the runtime role may not read
 * the table.
 */
final class AuthenticatedEventStorageEngine extends JdbcEventStorageEngine {

    private static final String INSERT = "INSERT INTO event_authentication (event_identifier, key_id, mac) "
            + "VALUES (?, ?, ?)";

    private final TransactionManager transactions;
    private final AppendKeys keys;
    private final JdbcTemplate jdbc;

    /**
     * @param builder      Axon's engine, configured; the transaction manager given to it must be {@code transactions}
     * @param transactions the transactions the event rows are written in, joined by the codes' insert
     * @param jdbc         writes the codes on the connection of the current transaction
     */
    AuthenticatedEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions,
                                    AppendKeys keys, JdbcTemplate jdbc) {
        super(builder);
        this.transactions = transactions;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            jdbc.batchUpdate(INSERT, codes(events, serializer));
        });
    }

    /** No snapshot is ever read: every aggregate is loaded from its events, from the first. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    private List<Object[]> codes(List<? extends EventMessage<?>> events, Serializer serializer) {
        AppendKeys.Key key = keys.current();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            byte[] code = EventAuthenticationCode.of(key, event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), payload.getType().getName(),
                    payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getData(), metaData.getData());
            rows.add(new Object[]{event.getIdentifier(), key.id(), code});
        }
        return rows;
    }
}
