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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

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
 *
 * <p>Auditors ask for a rebuild ({@link #start}); Greffe asks for one itself at start-up ({@link #catchUp}) when the
 * processor is so far behind the log that folding the rest event by event would keep readers waiting for minutes.
 * That build goes the bulk way, through the same code, before the processor starts: the processor waits for the
 * tokens the build holds. Several instances starting together each decide to build, the first to take the tokens
 * does, and the others, once they get them, find the projection built and leave it
 * ({@link RebuildStatus.State#SKIPPED}). While it runs, it reports its progress through the target, so that readers
 * on every instance are told how long to wait.
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
        this.status = new RebuildStatus(RebuildStatus.State.IDLE, method.label(), null, 0, 0, 0, 0, 0, null, null,
                null);
    }

    /**
     * Starts a rebuild that an auditor asked for, by the configured method.
     *
     * @throws IllegalStateException when one is already running
     */
    public synchronized RebuildStatus start() {
        if (status.state() == RebuildStatus.State.RUNNING) {
            throw new IllegalStateException("a rebuild is already running");
        }
        StreamingEventProcessor processor = processor();
        long head = positions.head();
        Run run = new Run(method, RebuildStatus.Origin.REQUEST, clock.instant());
        log.info("Rebuilding projection {} ({}) from the start of the log, whose head is at {}", processorName,
                method.label(), head);
        status = running(run, 0, 0, head);
        if (method == RebuildStatus.Method.BULK) {
            worker.execute(() -> bulk(run, RebuildTarget.ALWAYS, processor, new CountDownLatch(1)));
        } else {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            monitor.schedule(() -> follow(run), 100, TimeUnit.MILLISECONDS);
        }
        return status;
    }

    /**
     * At start-up, before the processor starts: builds the projection in bulk, whatever the configured method, if
     * {@code farBehind} says the processor is far enough behind the log; otherwise leaves the processor to catch up by
     * itself. The build runs in the background (its status is {@link #status}) and takes the processor's tokens
     * first: the processor, started next, waits for them until the build commits and then goes on from its head,
     * with no batch of its own to stop first. Holding the tokens, the build goes on only if the projection is still
     * far behind and was not rebuilt meanwhile (by another instance).
     *
     * @param farBehind whether the processor, where it stands, is far enough behind the log's head
     * @param patience  how long to wait for the build to hold the tokens before returning: another instance's build
     *                  may hold them, and this one then waits for it in the background
     * @return the build's status when one started
     */
    public Optional<RebuildStatus> catchUp(Predicate<RebuildTarget.Backlog> farBehind, Duration patience) {
        CountDownLatch holding = new CountDownLatch(1);
        RebuildStatus started;
        synchronized (this) {
            if (!target.processorName().equals(processorName)) {
                log.info("Projection {} catches up by itself: only {} can be built in bulk", processorName,
                        target.processorName());
                return Optional.empty();
            }
            if (status.state() == RebuildStatus.State.RUNNING) {
                return Optional.empty();
            }
            RebuildTarget.Backlog seen = target.backlog();
            if (!farBehind.test(seen)) {
                log.debug("Projection {} at position {} of {} catches up by itself", processorName, seen.position(),
                        seen.head());
                return Optional.empty();
            }
            Run run = new Run(RebuildStatus.Method.BULK, RebuildStatus.Origin.START_UP, clock.instant());
            log.info("Projection {} has read up to position {} of a log whose head is at {}: building it in bulk "
                    + "rather than event by event", processorName, seen.position(), seen.head());
            status = running(run, 0, 0, seen.head());
            started = status;
            worker.execute(() -> bulk(run, now -> now.generation() == seen.generation() && farBehind.test(now),
                    null, holding));
        }
        try {
            if (!holding.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("Projection {}: another instance holds the processor's tokens; this one waits for them in "
                        + "the background", processorName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(started);
    }

    /** The progress of the latest rebuild, or {@code IDLE} when none ran. */
    public RebuildStatus status() {
        return status;
    }

    /**
     * @param processor the running processor, stopped first and started again at the end; {@code null} at start-up,
     *                  before it started (it waits for the tokens the build holds)
     * @param holding   counted down once the build holds the processor's tokens, or ended before
     */
    private void bulk(Run run, Predicate<RebuildTarget.Backlog> need, StreamingEventProcessor processor,
                      CountDownLatch holding) {
        AtomicLong read = new AtomicLong();
        long head = status.head();
        AtomicReference<RebuildTarget.Backlog> found = new AtomicReference<>();
        Reports reports = new Reports(run.origin());
        try {
            if (processor != null) {
                processor.shutDown();
            }
            Optional<CaseStreams.Snapshot> built = target.replace(backlog -> {
                holding.countDown();
                found.set(backlog);
                if (!need.test(backlog)) {
                    return false;
                }
                reports.start();
                return true;
            }, records -> streams.forEachCase(null, events -> {
                CaseRecord record = fold(events);
                if (record != null) {
                    records.accept(record);
                }
                status = running(run, 0, read.addAndGet(events.size()), head);
            }));
            Instant now = clock.instant();
            if (built.isEmpty()) {
                RebuildTarget.Backlog backlog = found.get();
                status = new RebuildStatus(RebuildStatus.State.SKIPPED, run.method().label(), run.origin().label(),
                        backlog.position(), backlog.head(), 0, 100, 0, run.started(), now, null);
                log.info("Projection {} needs no bulk build any more: rebuilt meanwhile by another instance, or no "
                        + "longer far behind (position {} of {})", processorName, backlog.position(), backlog.head());
                return;
            }
            CaseStreams.Snapshot snapshot = built.get();
            status = new RebuildStatus(RebuildStatus.State.DONE, run.method().label(), run.origin().label(),
                    snapshot.head(), snapshot.head(), snapshot.eventsRead(), 100,
                    rate(snapshot.eventsRead(), run.started(), now), run.started(), now, null);
            log.info("Rebuilt projection {} in bulk: {} events up to position {} in {} s ({} events/s)",
                    processorName, snapshot.eventsRead(), snapshot.head(), seconds(run.started(), now),
                    status.eventsPerSecond());
        } catch (RuntimeException e) {
            status = failed(status, e.getMessage());
            log.error("Bulk rebuild of {} failed; the projection is as it was before", processorName, e);
        } finally {
            holding.countDown();
            reports.stop();
            if (processor != null) {
                processor.start();
            }
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

    private void follow(Run run) {
        try {
            RebuildStatus current = status;
            StreamingEventProcessor processor = processor();
            long position = positions.position(processorName);
            Instant now = clock.instant();
            if (processor.isError()) {
                status = failed(running(run, position, position, current.head()),
                        "the processor " + processorName + " reported an error; see the log");
                log.error("Rebuild of {} failed at position {}", processorName, position);
                return;
            }
            if (!processor.isReplaying() && position >= current.head()) {
                status = new RebuildStatus(RebuildStatus.State.DONE, run.method().label(), run.origin().label(),
                        position, current.head(), position, 100, rate(position, run.started(), now), run.started(),
                        now, null);
                log.info("Rebuilt projection {} up to position {} in {} s ({} events/s)", processorName, position,
                        seconds(run.started(), now), status.eventsPerSecond());
                return;
            }
            status = running(run, position, position, current.head());
            monitor.schedule(() -> follow(run), 200, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            status = failed(status, e.getMessage());
            log.error("Following the rebuild of {} failed", processorName, e);
        }
    }

    private RebuildStatus running(Run run, long position, long eventsRead, long head) {
        double percent = head == 0 ? 100 : Math.min(100.0, Math.round(1000.0 * eventsRead / head) / 10.0);
        return new RebuildStatus(RebuildStatus.State.RUNNING, run.method().label(), run.origin().label(), position,
                head, eventsRead, percent, rate(eventsRead, run.started(), clock.instant()), run.started(), null,
                null);
    }

    private RebuildStatus failed(RebuildStatus current, String why) {
        return new RebuildStatus(RebuildStatus.State.FAILED, current.method(), current.origin(), current.position(),
                current.head(), current.eventsRead(), current.percent(), current.eventsPerSecond(),
                current.startedAt(), clock.instant(), why);
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

    /** One rebuild: how it runs, who asked for it, when it started. */
    private record Run(RebuildStatus.Method method, RebuildStatus.Origin origin, Instant started) {
    }

    /**
     * The progress reports of a build at start-up, which readers on every instance wait for: from when it holds the
     * processor's tokens and goes ahead, every second on the monitor's thread, to a last one once it ended. A build
     * an auditor asked for reports nothing: the old figures are served meanwhile.
     */
    private final class Reports {

        private final boolean wanted;
        private ScheduledFuture<?> every;

        Reports(RebuildStatus.Origin origin) {
            this.wanted = origin == RebuildStatus.Origin.START_UP;
        }

        synchronized void start() {
            if (wanted && every == null) {
                every = monitor.scheduleWithFixedDelay(this::report, 0, 1, TimeUnit.SECONDS);
            }
        }

        /** After the status is final: a running report cannot come after the last one, on the same thread. */
        synchronized void stop() {
            if (every != null) {
                every.cancel(false);
                monitor.execute(this::report);
            }
        }

        private void report() {
            try {
                target.progress(status);
            } catch (RuntimeException e) {
                // Readers are then told less; the build itself goes on.
                log.warn("Could not report the progress of the bulk build of {}: {}", processorName, e.toString());
            }
        }
    }
}
