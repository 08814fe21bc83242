package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.greffe.audit.application.ProjectionRebuild;
import org.greffe.audit.application.RebuildStatus;
import org.greffe.audit.application.TokenPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the pipeline keeps up with the log.
 * <ul>
 *   <li>{@code greffe_processor_lag_events{processor}}: the stored events some segment of the processor has not
 *   passed yet: the head of the log (its newest global index) minus the segment's index, plus the events committed
 *   late into the gaps its token holds (below its index, so the difference alone would not count them, and an event
 *   the processor cannot fold there would show no lag at all). From the shared token table, so the same on every
 *   instance. Read at most once per {@code greffe.metrics.refresh} (5 s by default).</li>
 *   <li>{@code greffe_rebuild_percent} and {@code greffe_rebuild_running}: the progress of the projection rebuild
 *   ({@code GET /api/audit/rebuild}) this instance runs or ran; 0 and 0 when none ran.</li>
 * </ul>
 */
@Component
class PipelineMeters {

    private static final Logger log = LoggerFactory.getLogger(PipelineMeters.class);

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final TokenPositions positions;
    private final Duration refresh;
    private final Clock clock;

    PipelineMeters(MeterRegistry registry, EventProcessingConfiguration processing, TokenPositions positions,
                   ProjectionRebuild rebuild, Clock clock, @Value("${greffe.metrics.refresh:5s}") Duration refresh) {
        this.registry = registry;
        this.processing = processing;
        this.positions = positions;
        this.refresh = refresh;
        this.clock = clock;
        Gauge.builder("greffe.rebuild.percent", rebuild, r -> percent(r.status()))
             .description("Progress of the latest projection rebuild on this instance, 0 to 100")
             .strongReference(true)
             .register(registry);
        Gauge.builder("greffe.rebuild.running", rebuild,
                      r -> r.status().state() == RebuildStatus.State.RUNNING ? 1 : 0)
             .description("1 while this instance rebuilds a projection, else 0")
             .strongReference(true)
             .register(registry);
    }

    private static double percent(RebuildStatus status) {
        return status.state() == RebuildStatus.State.IDLE ? 0 : status.percent();
    }

    /** The processors are known once Axon has started them. */
    @EventListener(ApplicationReadyEvent.class)
    void registerProcessorLag() {
        List<String> processors = processing.eventProcessors().entrySet().stream()
                                            .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                                            .map(Map.Entry::getKey).sorted().toList();
        Refreshed<Map<String, Long>> lags = new Refreshed<>(refresh, clock, () -> lags(processors));
        for (String processor : processors) {
            Gauge.builder("greffe.processor.lag.events", lags, l -> {
                     Long lag = l.get().get(processor);
                     return lag == null ? Double.NaN : lag;
                 })
                 .description("Stored events the processor has not passed yet, late ones in its gaps included")
                 .tag("processor", processor)
                 .strongReference(true)
                 .register(registry);
        }
    }

    private Map<String, Long> lags(List<String> processors) {
        try {
            Map<String, Long> lags = new HashMap<>();
            processors.forEach(processor -> lags.put(processor, positions.unread(processor)));
            return lags;
        } catch (RuntimeException e) {
            log.warn("Could not read the processors' positions for the metrics: {}", e.toString());
            return Map.of();
        }
    }
}
