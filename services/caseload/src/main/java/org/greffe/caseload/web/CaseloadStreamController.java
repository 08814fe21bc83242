package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.caseload.infrastructure.ProjectionPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells readers when the caseload figures change, so that a dashboard refreshes without reloading: a server-sent
 * event {@code position} with {@code {position, head}} on connecting, then whenever the projection's position (or the
 * log's head) moves. One poller reads {@link ProjectionPosition#state()} every second for all subscribers, and only
 * while there are any; a comment line every 15 s lets a dead connection be noticed and dropped. Each stream ends
 * after {@link #TIMEOUT}; clients reconnect. The figures themselves are read from the JSON endpoints, so the
 * stream carries nothing that a role's suppression rules would hide.
 */
@RestController
@Tag(name = "caseload")
class CaseloadStreamController {

    private static final Logger log = LoggerFactory.getLogger(CaseloadStreamController.class);
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int HEARTBEAT_POLLS = 15;

    private final ProjectionPosition position;
    private final Set<SseEmitter> emitters = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "caseload-stream");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> polling;
    private volatile Map<String, Long> last;
    private int polls;

    CaseloadStreamController(ProjectionPosition position) {
        this.position = position;
    }

    @GetMapping(path = "/api/caseload/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the projection's position and the log's head, on connecting and "
            + "whenever they move; re-read the figures when the position changes")
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> {
            emitters.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> emitters.remove(emitter));
        Map<String, Long> now = current();
        if (send(emitter, now)) {
            emitters.add(emitter);
            startPolling();
        }
        return emitter;
    }

    private synchronized void startPolling() {
        if (polling == null && !poller.isShutdown()) {
            polling = poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** On the poller's thread only. */
    private void poll() {
        if (emitters.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> now = current();
            boolean heartbeat = ++polls % HEARTBEAT_POLLS == 0;
            if (!now.equals(last)) {
                last = now;
                emitters.forEach(emitter -> send(emitter, now));
            } else if (heartbeat) {
                emitters.forEach(this::heartbeat);
            }
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next poll tries again.
            log.debug("Could not read the caseload position for the stream", e);
        }
    }

    private Map<String, Long> current() {
        ProjectionPosition.State state = position.state();
        return Map.of("position", state.position(), "head", state.head());
    }

    private boolean send(SseEmitter emitter, Map<String, Long> state) {
        try {
            emitter.send(SseEmitter.event().name("position").data(state, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            drop(emitter, e);
            return false;
        }
    }

    private void heartbeat(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("alive"));
        } catch (IOException | IllegalStateException e) {
            drop(emitter, e);
        }
    }

    private void drop(SseEmitter emitter, Exception e) {
        emitters.remove(emitter);
        emitter.completeWithError(e);
    }

    /** Before the web server's graceful shutdown waits for open requests: end every stream, stop polling. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        log.debug("Ending {} caseload stream(s)", emitters.size());
        poller.shutdownNow();
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }
}
