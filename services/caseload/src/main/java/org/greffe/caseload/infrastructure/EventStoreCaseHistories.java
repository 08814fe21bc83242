package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.greffe.caseload.application.CaseHistories;
import org.greffe.events.CaseEvent;
import org.greffe.measures.CaseRecord;

/**
 * Folds a case's events from the event store, from its first (never from a snapshot), with the fold every reader
 * of the log shares, {@link CaseRecord#next}.
 */
public class EventStoreCaseHistories implements CaseHistories {

    private final EventStore events;

    public EventStoreCaseHistories(EventStore events) {
        this.events = events;
    }

    @Override
    public CaseRecord upTo(String caseId, long lastSequence) {
        CaseRecord record = null;
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() > lastSequence) {
                break;
            }
            if (event.getPayload() instanceof CaseEvent payload) {
                record = CaseRecord.next(record, payload, event.getSequenceNumber());
            }
        }
        return record;
    }
}
