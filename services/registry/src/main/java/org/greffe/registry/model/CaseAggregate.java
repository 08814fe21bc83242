package org.greffe.registry.model;


import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The {@link Case} aggregate's command handlers, subscribed to a command bus and an event store of the caller's
 * choosing. The bulk docket import decides each row with them against cases it holds in memory for the length of a
 * chunk: the same handlers, rules and event-sourcing handlers as the application's command bus, without a second copy
 * of any rule.
 */
public final class CaseAggregate {

    /**
     * The case a command is for and the version it expects, read from {@link CaseCommand} directly: the same target as
     * the commands' {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion}, without the reflection
     * Axon's annotation resolver runs on every command (a tenth of the docket import's CPU in the benchmark's profile).
     */
    public static final CommandTargetResolver TARGET = command -> {
        CaseCommand target = (CaseCommand) command.getPayload();
        return new VersionedAggregateIdentifier(target.caseId(), target.expectedVersion());
    };

    /** The name of {@link #TARGET}'s bean in the application, which {@link Case}'s {@code @Aggregate} names. */
    public static final String TARGET_BEAN = "caseCommandTarget";

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
                                                .commandTargetResolver(TARGET)
                                                .build()
                                                .subscribe(commandBus);
    }
}
