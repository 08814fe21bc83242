package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.SealingStatus;
import org.greffe.audit.application.SealingStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * How far behind the log the audit chain is, from the same reading as the health component {@code auditChain}
 * (refreshed at most once per {@code greffe.audit.status-refresh}):
 * <ul>
 *   <li>{@code greffe_audit_unsealed_events}: events stored above the sealed head;</li>
 *   <li>{@code greffe_audit_oldest_unsealed_age_seconds}: how long ago the oldest of them was recorded, 0 when
 *   there are none;</li>
 *   <li>{@code greffe_audit_sealing_refused}: 1 while the sealer refuses an event that was not appended through
 *   Greffe (its position is in verify and health), else 0;</li>
 *   <li>{@code greffe_audit_blocking_transaction_age_seconds}: how long the oldest open transaction the sealer waits
 *   for has been open, 0 when it waits for none.</li>
 * </ul>
 * The counts come from the shared database and are the same on every instance; the refusal and the waiting are each
 * instance's own sealer's view, which every instance's sealer forms alike.
 */
@Component
class AuditMeters {

    private static final Logger log = LoggerFactory.getLogger(AuditMeters.class);

    private final AuditChain chain;
    private final Clock clock;

    AuditMeters(MeterRegistry registry, AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
        gauge(registry, "greffe.audit.unsealed.events", "Events stored above the sealed head of the audit chain",
                SealingStatus::unsealedEvents);
        gauge(registry, "greffe.audit.oldest.unsealed.age.seconds",
                "Seconds since the oldest unsealed event was recorded, 0 when every event is sealed",
                SealingStatus::oldestUnsealedAgeSeconds);
        gauge(registry, "greffe.audit.sealing.refused",
                "1 while the sealer refuses an event that was not appended through Greffe, else 0",
                status -> status.refused() ? 1 : 0);
        gauge(registry, "greffe.audit.blocking.transaction.age.seconds",
                "Seconds the oldest open transaction the sealer waits for has been open, 0 when it waits for none",
                this::blockingAge);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<SealingStatus> figure) {
        Gauge.builder(name, this, meters -> meters.value(figure))
             .description(description)
             .strongReference(true)
             .register(registry);
    }

    private double value(ToDoubleFunction<SealingStatus> figure) {
        try {
            return figure.applyAsDouble(chain.sealing());
        } catch (RuntimeException e) {
            log.warn("Could not read where sealing stands for the metrics: {}", e.toString());
            return Double.NaN;
        }
    }

    /** A transaction whose age PostgreSQL does not show counts as open since the sealer began to wait. */
    private double blockingAge(SealingStatus status) {
        SealingStop stop = status.stop();
        if (stop == null || stop.blockingTransactions().isEmpty()) {
            return 0;
        }
        double waiting = Duration.between(stop.since(), clock.instant()).toMillis() / 1000.0;
        return stop.blockingTransactions().stream()
                   .mapToDouble(transaction -> transaction.ageSeconds() == null ? waiting : transaction.ageSeconds())
                   .max().orElse(0);
    }
}
