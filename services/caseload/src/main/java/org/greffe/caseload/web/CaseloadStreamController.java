package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.caseload.application.Release;
import org.greffe.caseload.application.Releases;
import org.greffe.caseload.application.CaseloadProperties;
import org.greffe.caseload.application.ProjectionPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells readers when the caseload figures they read change, so that a dashboard refreshes without reloading: a
 * server-sent event {@code position} on connecting, then whenever it changes. Clerks and auditors, who read exact
 * figures, get the projection's position, the log's head and the projection's version, which moves with every event
 * folded (a late one included). Everyone else reads the published figures, which change only with a new monthly
 * release: they get the release's month, and never learn when single events are recorded, nor how many.
 *
 * <p>One poller reads the state every second for all subscribers, and only while there are any; a comment line every
 * 15 s lets a dead connection be noticed and dropped. Each stream ends after {@link #TIMEOUT}; clients reconnect. A
 * user may hold {@code greffe.caseload.max-streams-per-user} streams at once (429 beyond), and the instance
 * {@link #MAX_STREAMS} in all (503 beyond): each one holds a connection open.
 */
@RestController
@Tag(name = "caseload")
class CaseloadStreamController {

    private static final Logger log = LoggerFactory.getLogger(CaseloadStreamController.class);
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_STREAMS = 256;
    private static final int HEARTBEAT_POLLS = 15;

    private final ProjectionPosition position;
    private final Releases releases;
    private final int maxPerUser;
    private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "caseload-stream");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> polling;
    private int polls;

    CaseloadStreamController(ProjectionPosition position, Releases releases, CaseloadProperties properties) {
        this.position = position;
        this.releases = releases;
        this.maxPerUser = properties.maxStreamsPerUser();
    }

    @GetMapping(path = "/api/caseload/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: where the figures the caller reads stand, on connecting and whenever "
            + "that changes; re-read the figures when 'position' changes")
    SseEmitter stream(HttpServletRequest request) {
        Subscriber subscriber = new Subscriber(request.getUserPrincipal() == null ? ""
                : request.getUserPrincipal().getName(), CaseloadController.mayReadExactFigures(request));
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        synchronized (subscribers) {
            long mine = subscribers.values().stream().filter(other -> other.user().equals(subscriber.user()))
                                   .count();
            if (mine >= maxPerUser) {
                throw CaseloadProblem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                        "you already hold " + mine + " caseload streams open, the most one user may; close one "
                                + "(each dashboard tab keeps one) and retry").worded("streams-per-user", mine);
            }
            if (subscribers.size() >= MAX_STREAMS) {
                CaseloadProblem full = CaseloadProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams",
                        "Too many streams", "this instance serves as many caseload streams as it can; retry in a "
                                + "minute").worded("streams-full");
                full.getHeaders().set("Retry-After", "60");
                throw full;
            }
            subscribers.put(emitter, subscriber);
        }
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> subscribers.remove(emitter));
        if (send(emitter, subscriber, subscriber.exact() ? exact() : published())) {
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
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            Map<String, Object> exact = exact();
            Map<String, Object> published = published();
            boolean heartbeat = ++polls % HEARTBEAT_POLLS == 0;
            subscribers.forEach((emitter, subscriber) -> {
                Map<String, Object> state = subscriber.exact() ? exact : published;
                if (!state.equals(subscriber.sent)) {
                    send(emitter, subscriber, state);
                } else if (heartbeat) {
                    heartbeat(emitter);
                }
            });
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next poll tries again.
            log.debug("Could not read the caseload position for the stream", e);
        }
    }

    /**
     * The position and the head, and the projection's version: an event committed late into a gap in the log is
     * folded without the position or the head moving, and only the version says the figures changed.
     */
    private Map<String, Object> exact() {
        ProjectionPosition.State state = position.state();
        return Map.of("position", state.position(), "head", state.head(), "version", state.version());
    }

    /** The release only: a log position would count the events recorded between two releases. */
    private Map<String, Object> published() {
        Release release = releases.latest().orElse(null);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("release", release == null ? null : release.month().toString());
        return event;
    }

    private boolean send(SseEmitter emitter, Subscriber subscriber, Map<String, Object> state) {
        try {
            emitter.send(SseEmitter.event().name("position").data(state, MediaType.APPLICATION_JSON));
            subscriber.sent = state;
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
        subscribers.remove(emitter);
        emitter.completeWithError(e);
    }

    /** Before the web server's graceful shutdown waits for open requests: end every stream, stop polling. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        log.debug("Ending {} caseload stream(s)", subscribers.size());
        poller.shutdownNow();
        subscribers.keySet().forEach(SseEmitter::complete);
        subscribers.clear();
    }

    /** Who holds a stream, and what it was last sent: it is sent something only when that changes. */
    private static final class Subscriber {

        private final String user;
        private final boolean exact;
        private volatile Map<String, Object> sent;

        Subscriber(String user, boolean exact) {
            this.user = Objects.requireNonNull(user, "user");
            this.exact = exact;
        }

        String user() {
            return user;
        }

        boolean exact() {
            return exact;
        }
    }
}
