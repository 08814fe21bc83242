package org.greffe.registry.application.docket;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.greffe.events.CaseId;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.model.CaseAggregate;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.ReferenceData;
import org.greffe.registry.model.ScheduleHearing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The cases of one docket chunk, held in memory while its rows are decided: each row's command runs through the
 * {@code Case} aggregate's own handlers ({@link CaseAggregate}) on Axon's command bus, with the metadata the
 * application's bus gives events, against the stored events of its case and the events the chunk's earlier rows
 * applied. A refused command's unit of work rolls back and leaves nothing; accepted events wait in {@link #appended()}
 * until the chunk writes them. One instance per import: it is not for use by two threads.
 */
final class MemoryCases {

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final MemoryStorage storage = new MemoryStorage();
    private final ChunkClaims claims = new ChunkClaims();

    MemoryCases(ReferenceData referenceData, Clock clock, List<CorrelationDataProvider> correlationData) {
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationData));
        CaseAggregate.subscribe(commandBus, new MemoryEventStore(storage),
                MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(List.of(referenceData, claims, clock)),
                        ClasspathParameterResolverFactory.forClass(CaseAggregate.class)));
    }

    /** Starts a chunk: these cases' stored events, and the docket numbers already claimed. */
    void reset(Map<CaseId, List<DomainEventMessage<?>>> histories,
               Map<org.greffe.registry.application.DocketClaims.Docket, CaseId> committedClaims) {
        storage.reset(histories);
        claims.reset(committedClaims);
    }

    /** The docket numbers as the chunk's rows see them: committed and claimed by its accepted filings. */
    ChunkClaims claims() {
        return claims;
    }

    /**
     * Decides one command on the case as the chunk has it so far.
     *
     * @return what the command did
     * @throws org.greffe.registry.model.Rejection when the case refuses it; nothing was applied
     */
    CommandResult decide(CaseCommand command, RequestContext context) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData());
        AtomicReference<CommandResultMessage<?>> outcome = new AtomicReference<>();
        commandBus.dispatch(message, (sent, result) -> outcome.set(result));
        CommandResultMessage<?> result = outcome.get();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException e ? CaseCommands.refusal(e)
                    : new IllegalStateException("the case could not decide the row", failure);
        }
        return new CommandResult(command.caseId(),
                command instanceof ScheduleHearing schedule ? schedule.hearingId() : null,
                ((Number) result.getPayload()).longValue(), false);
    }

    /** Every event the chunk's accepted commands applied, in the order they applied them. */
    List<DomainEventMessage<?>> appended() {
        return storage.appended;
    }

    /** Cases by id, each with its stored events and the chunk's own. */
    private static final class MemoryStorage implements EventStorageEngine {

        private final Map<String, List<DomainEventMessage<?>>> byCase = new HashMap<>();
        private final List<DomainEventMessage<?>> appended = new ArrayList<>();

        void reset(Map<CaseId, List<DomainEventMessage<?>>> histories) {
            byCase.clear();
            appended.clear();
            histories.forEach((caseId, events) -> byCase.put(caseId.value(), new ArrayList<>(events)));
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            for (EventMessage<?> event : events) {
                DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
                byCase.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>()).add(domainEvent);
                appended.add(domainEvent);
            }
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            List<DomainEventMessage<?>> events = byCase.getOrDefault(aggregateIdentifier, List.of());
            return DomainEventStream.of(events.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber));
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            throw new UnsupportedOperationException("a docket chunk takes no snapshot");
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            throw new UnsupportedOperationException("a docket chunk is not a log to track");
        }
    }

    /** Axon's event store over the chunk's cases: what the aggregate's repository loads from and appends to. */
    private static final class MemoryEventStore extends AbstractEventStore {

        MemoryEventStore(EventStorageEngine storage) {
            super(new Builder() {
            }.storageEngine(storage));
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            throw new UnsupportedOperationException("a docket chunk is not a log to track");
        }
    }
}
