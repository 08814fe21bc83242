package org.greffe.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * {@code greffe_events_appended_total{type}}: events appended to the log, by payload type ({@code CaseFiled},
 * {@code HearingScheduled}, ...), counted once the transaction that stores them has committed.
 *
 * <p>A dispatch interceptor on the event store sees the events of a unit of work when they are about to be stored
 * (in its prepare-commit phase), before anyone knows whether they will be. So it only notes them, and counts them in
 * the {@code afterCommit} of the Spring transaction they are stored in. That transaction is the outermost one: a
 * registry command runs in a transaction that also holds its docket-number claim and its idempotency record, and a
 * failure after the command handler (the idempotency record, say) rolls the events back with the rest; Axon's own
 * unit of work would already have committed by then, so its {@code afterCommit} would count events that are not
 * stored. Without a Spring transaction the root unit of work's commit is the commit. With neither (Greffe never
 * appends so) the events are counted at once, just before the store appends them.
 */
@Component
class EventMeters {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    EventMeters(MeterRegistry registry, EventBus eventBus) {
        this.registry = registry;
        eventBus.registerDispatchInterceptor(this::noted);
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> noted(List<? extends EventMessage<?>> events) {
        Map<String, Integer> byType = new TreeMap<>();
        events.forEach(event -> byType.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum));
        Runnable count = () -> byType.forEach((type, n) -> counter(type).increment(n));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> count.run());
        } else {
            count.run();
        }
        return (index, event) -> event;
    }

    private Counter counter(String type) {
        return counters.computeIfAbsent(type, key -> Counter.builder("greffe.events.appended")
                                                            .description("Events appended to the log, by type")
                                                            .tag("type", key)
                                                            .register(registry));
    }
}
