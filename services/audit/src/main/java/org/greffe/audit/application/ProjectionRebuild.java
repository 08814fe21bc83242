package org.greffe.audit.application;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the caseload projection from the raw log: stops its processor, resets its tokens (its reset handler
 * empties its tables), starts it again, and follows its progress until it has replayed every event that existed
 * when the rebuild began. While it replays, the caseload serves no figures rather than half-built ones.
 */
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final String processorName;
    private final TokenPositions positions;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private volatile RebuildStatus status =
            new RebuildStatus(RebuildStatus.State.IDLE, 0, 0, 0, 0, null, null, null);

    public ProjectionRebuild(EventProcessingConfiguration processing, String processorName, TokenPositions positions,
                             Clock clock) {
        this.processing = processing;
        this.processorName = processorName;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Starts a rebuild.
     *
     * @throws IllegalStateException when one is already running
     */
    public synchronized RebuildStatus start() {
        if (status.state() == RebuildStatus.State.RUNNING) {
            throw new IllegalStateException("a rebuild is already running");
        }
        StreamingEventProcessor processor = processor();
        long head = positions.head();
        Instant started = clock.instant();
        log.info("Rebuilding projection {} from the start of the log up to position {}", processorName, head);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        status = new RebuildStatus(RebuildStatus.State.RUNNING, 0, head, head == 0 ? 100 : 0, 0, started, null,
                null);
        monitor.schedule(this::follow, 100, TimeUnit.MILLISECONDS);
        return status;
    }

    /** The progress of the latest rebuild, or {@code IDLE} when none ran. */
    public RebuildStatus status() {
        return status;
    }

    private void follow() {
        try {
            RebuildStatus current = status;
            StreamingEventProcessor processor = processor();
            long position = positions.position(processorName);
            Instant now = clock.instant();
            double seconds = Math.max(0.001, Duration.between(current.startedAt(), now).toMillis() / 1000.0);
            double percent = current.head() == 0 ? 100 : Math.min(100.0, 100.0 * position / current.head());
            double rate = Math.round(position / seconds * 10) / 10.0;
            if (processor.isError()) {
                status = new RebuildStatus(RebuildStatus.State.FAILED, position, current.head(), percent, rate,
                        current.startedAt(), now, "the processor " + processorName + " reported an error; see the log");
                log.error("Rebuild of {} failed at position {}", processorName, position);
                return;
            }
            if (!processor.isReplaying() && position >= current.head()) {
                status = new RebuildStatus(RebuildStatus.State.DONE, position, current.head(), 100, rate,
                        current.startedAt(), now, null);
                log.info("Rebuilt projection {} up to position {} in {} s ({} events/s)", processorName, position,
                        seconds, rate);
                return;
            }
            status = new RebuildStatus(RebuildStatus.State.RUNNING, position, current.head(),
                    Math.round(percent * 10) / 10.0, rate, current.startedAt(), null, null);
            monitor.schedule(this::follow, 200, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            RebuildStatus current = status;
            status = new RebuildStatus(RebuildStatus.State.FAILED, current.position(), current.head(),
                    current.percent(), current.eventsPerSecond(), current.startedAt(), clock.instant(),
                    e.getMessage());
            log.error("Following the rebuild of {} failed", processorName, e);
        }
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming processor named " + processorName + " runs here"));
    }
}
