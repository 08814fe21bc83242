package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.greffe.caseload.infrastructure.ProjectionHealth;
import org.greffe.caseload.projection.CaseloadProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code greffe_processor_stuck{processor}}: 1 while the processor keeps failing on one event (the health component
 * {@code caseloadProjection} is DOWN), else 0; {@code greffe_processor_stuck_position{processor}}: that event's global
 * position, 0 when none. Per instance: each knows the failures of its own processor, and the failing segment moves
 * between instances, so alert on the maximum over instances. Read at most once per {@code greffe.metrics.refresh}.
 */
@Component
class StuckProcessorMeters {

    private static final Logger log = LoggerFactory.getLogger(StuckProcessorMeters.class);

    private final ProjectionHealth projection;
    private final Refreshed<Optional<ProjectionHealth.Report>> stuck;

    StuckProcessorMeters(MeterRegistry registry, ProjectionHealth projection, Clock clock,
                         @Value("${greffe.metrics.refresh:5s}") Duration refresh) {
        this.projection = projection;
        this.stuck = new Refreshed<>(refresh, clock, this::read);
        Gauge.builder("greffe.processor.stuck", stuck, s -> s.get().isPresent() ? 1 : 0)
             .description("1 while the processor keeps failing on one event and retries it, never skipping it")
             .tag("processor", CaseloadProjection.PROCESSOR)
             .strongReference(true)
             .register(registry);
        Gauge.builder("greffe.processor.stuck.position", stuck,
                      s -> s.get().map(report -> report.event() == null ? -1 : report.event().globalPosition())
                            .orElse(0L))
             .description("Global position of the event the processor is stuck on; 0 when not stuck, -1 when unknown")
             .tag("processor", CaseloadProjection.PROCESSOR)
             .strongReference(true)
             .register(registry);
    }

    private Optional<ProjectionHealth.Report> read() {
        try {
            return projection.failing().filter(ProjectionHealth.Report::stuck);
        } catch (RuntimeException e) {
            log.warn("Could not read whether the caseload projection is stuck: {}", e.toString());
            return Optional.empty();
        }
    }
}
