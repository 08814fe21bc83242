package org.greffe.registry.infrastructure;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.greffe.events.CaseId;
import org.greffe.registry.application.CaseEventHistories;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cases' rows of {@code domain_event_entry} in one query on the caller's connection, and turns them into
 * messages with the serializer and upcasters Axon loads aggregates with. Metadata is read too: the aggregate never
 * needs it, but a message without it would not be the one Axon would have handed over.
 */
public class JdbcCaseEventHistories implements CaseEventHistories {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public JdbcCaseEventHistories(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @Override
    public Map<CaseId, List<DomainEventMessage<?>>> of(Collection<CaseId> caseIds) {
        Map<CaseId, List<DomainEventMessage<?>>> histories = new HashMap<>();
        if (caseIds.isEmpty()) {
            return histories;
        }
        Map<String, List<DomainEventData<byte[]>>> rows = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,
                           payload_revision, payload, meta_data
                    FROM domain_event_entry WHERE aggregate_identifier = ANY (?)
                    ORDER BY aggregate_identifier, sequence_number""");
            statement.setArray(1, connection.createArrayOf("varchar",
                    caseIds.stream().map(CaseId::value).distinct().toArray()));
            return statement;
        }, rs -> {
            rows.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new GenericDomainEventEntry<>(
                    rs.getString(3), rs.getString(1), rs.getLong(2), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)));
        });
        rows.forEach((caseId, events) -> {
            List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
            EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), serializer, upcasters)
                            .forEachRemaining(messages::add);
            histories.put(new CaseId(caseId), messages);
        });
        return histories;
    }
}
