package org.greffe.audit.application;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.greffe.events.CaseEvent;
import org.greffe.measures.CaseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the caseload projection from the raw log, and reports its progress.
 * <ul>
 *   <li>{@link RebuildStatus.Method#BULK} (the default): stops the projection's processor, reads every case's events
 *   from one snapshot of the log, folds each case's record with the code of the live projection, and replaces the
 *   projection and its processor's tokens in one transaction; then starts the processor again, which goes on from
 *   the snapshot's head (and looks again at the gaps an append in flight may still fill). The old figures are served
 *   until the new ones commit.</li>
 *   <li>{@link RebuildStatus.Method#REPLAY}: stops the processor, resets its tokens (its reset handler empties its
 *   tables) and lets it replay the whole log in order. While it replays, the caseload serves no figures rather than
 *   half-built ones.</li>
 * </ul>
 */
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final String processorName;
    private final TokenPositions positions;
    private final CaseStreams streams;
    private final RebuildTarget target;
    private final RebuildStatus.Method method;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private volatile RebuildStatus status;

    /**
     * @param streams the log read case by case (bulk rebuilds)
     * @param target  the projection's tables and tokens (bulk rebuilds); its processor must be the one named
     * @param method  how to rebuild
     */
    public ProjectionRebuild(EventProcessingConfiguration processing, String processorName, TokenPositions positions,
                             CaseStreams streams, RebuildTarget target, RebuildStatus.Method method, Clock clock) {
        if (method == RebuildStatus.Method.BULK && !target.processorName().equals(processorName)) {
            throw new IllegalArgumentException("a bulk rebuild writes the projection of " + target.processorName()
                    + ", not of " + processorName + "; set greffe.audit.rebuild-method=replay to rebuild "
                    + processorName);
        }
        this.processing = processing;
        this.processorName = processorName;
        this.positions = positions;
        this.streams = streams;
        this.target = target;
        this.method = method;
        this.clock = clock;
        this.status = new RebuildStatus(RebuildStatus.State.IDLE, method.label(), 0, 0, 0, 0, 0, null, null, null);
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
        log.info("Rebuilding projection {} ({}) from the start of the log, whose head is at {}", processorName,
                method.label(), head);
        status = running(0, 0, head, started);
        if (method == RebuildStatus.Method.BULK) {
            worker.execute(() -> bulk(processor, started));
        } else {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            monitor.schedule(this::follow, 100, TimeUnit.MILLISECONDS);
        }
        return status;
    }

    /** The progress of the latest rebuild, or {@code IDLE} when none ran. */
    public RebuildStatus status() {
        return status;
    }

    private void bulk(StreamingEventProcessor processor, Instant started) {
        AtomicLong read = new AtomicLong();
        long head = status.head();
        try {
            processor.shutDown();
            CaseStreams.Snapshot snapshot = target.replace(records -> streams.forEachCase(null, events -> {
                CaseRecord record = fold(events);
                if (record != null) {
                    records.accept(record);
                }
                status = running(0, read.addAndGet(events.size()), head, started);
            }));
            Instant now = clock.instant();
            status = new RebuildStatus(RebuildStatus.State.DONE, method.label(), snapshot.head(), snapshot.head(),
                    snapshot.eventsRead(), 100, rate(snapshot.eventsRead(), started, now), started, now, null);
            log.info("Rebuilt projection {} in bulk: {} events up to position {} in {} s ({} events/s)",
                    processorName, snapshot.eventsRead(), snapshot.head(), seconds(started, now),
                    status.eventsPerSecond());
        } catch (RuntimeException e) {
            status = failed(status, e.getMessage());
            log.error("Bulk rebuild of {} failed; the projection is as it was before", processorName, e);
        } finally {
            processor.start();
        }
    }

    /** One case's record from its events; null when the case has no filing. */
    private static CaseRecord fold(List<DomainEventMessage<?>> events) {
        CaseRecord record = null;
        for (DomainEventMessage<?> message : events) {
            if (message.getPayload() instanceof CaseEvent event) {
                record = CaseRecord.next(record, event, message.getSequenceNumber());
            }
        }
        return record;
    }

    private void follow() {
        try {
            RebuildStatus current = status;
            StreamingEventProcessor processor = processor();
            long position = positions.position(processorName);
            Instant now = clock.instant();
            if (processor.isError()) {
                status = failed(running(position, position, current.head(), current.startedAt()),
                        "the processor " + processorName + " reported an error; see the log");
                log.error("Rebuild of {} failed at position {}", processorName, position);
                return;
            }
            if (!processor.isReplaying() && position >= current.head()) {
                status = new RebuildStatus(RebuildStatus.State.DONE, method.label(), position, current.head(),
                        position, 100, rate(position, current.startedAt(), now), current.startedAt(), now, null);
                log.info("Rebuilt projection {} up to position {} in {} s ({} events/s)", processorName, position,
                        seconds(current.startedAt(), now), status.eventsPerSecond());
                return;
            }
            status = running(position, position, current.head(), current.startedAt());
            monitor.schedule(this::follow, 200, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            status = failed(status, e.getMessage());
            log.error("Following the rebuild of {} failed", processorName, e);
        }
    }

    private RebuildStatus running(long position, long eventsRead, long head, Instant started) {
        double percent = head == 0 ? 100 : Math.min(100.0, Math.round(1000.0 * eventsRead / head) / 10.0);
        return new RebuildStatus(RebuildStatus.State.RUNNING, method.label(), position, head, eventsRead, percent,
                rate(eventsRead, started, clock.instant()), started, null, null);
    }

    private RebuildStatus failed(RebuildStatus current, String why) {
        return new RebuildStatus(RebuildStatus.State.FAILED, method.label(), current.position(), current.head(),
                current.eventsRead(), current.percent(), current.eventsPerSecond(), current.startedAt(),
                clock.instant(), why);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static double rate(long events, Instant from, Instant to) {
        return Math.round(events / seconds(from, to) * 10) / 10.0;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming processor named " + processorName + " runs here"));
    }
}
