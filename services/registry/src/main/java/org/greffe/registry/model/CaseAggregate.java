package org.greffe.registry.model;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The {@link Case} aggregate's command handlers, subscribed to a command bus and an event store of the caller's
 * choosing. The bulk docket import decides each row with them against cases it holds in memory for the length of a
 * chunk: the same handlers, rules and event-sourcing handlers as the application's command bus, without a second copy
 * of any rule.
 */
public final class CaseAggregate {

    private CaseAggregate() {
    }

    /**
     * Subscribes the case's command handlers to the bus, loading and storing cases through the event store.
     *
     * @param resources resolves the handlers' parameters beyond the command ({@link ReferenceData},
     *                  {@link DocketNumbers}, {@link java.time.Clock}), as Spring's beans do on the application's bus
     */
    public static Registration subscribe(CommandBus commandBus, EventStore eventStore,
                                         ParameterResolverFactory resources) {
        HandlerDefinition handlers = ClasspathHandlerDefinition.forClass(Case.class);
        AggregateModel<Case> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Case.class, resources,
                handlers);
        EventSourcingRepository<Case> repository = EventSourcingRepository.builder(Case.class)
                                                                          .aggregateModel(model)
                                                                          .eventStore(eventStore)
                                                                          .build();
        return AggregateAnnotationCommandHandler.<Case>builder()
                                                .aggregateType(Case.class)
                                                .aggregateModel(model)
                                                .repository(repository)
                                                .parameterResolverFactory(resources)
                                                .handlerDefinition(handlers)
                                                .build()
                                                .subscribe(commandBus);
    }
}
