package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caseload processor's error handlers: they let every failure through, so that the processor rolls the batch
 * back and tries it again later (a figure must never silently miss an event), and remember it, so that a batch that
 * keeps failing can be seen (health, metrics) rather than only retried for ever.
 *
 * <p>The listener handler learns which event a handler could not fold; the processor's handler sees every failed
 * batch, a failed commit included, and counts the attempts. A batch whose commit failed names its first event.
 * After {@link #STUCK_AFTER} failures on the same event the processor is stuck: a passing fault (the database
 * restarting) is over by then, Axon waiting 1, 2, 4… seconds before each new attempt. Failures are kept per event,
 * so that two segments failing on two events in turn are each counted, the most recent {@link #KEPT} of them.
 */
public class ProjectionFailures implements ListenerInvocationErrorHandler, ErrorHandler {

    /** Failures on one event, without getting past it, after which the processor counts as stuck. */
    public static final int STUCK_AFTER = 3;

    /** Failing events remembered at most. */
    static final int KEPT = 16;

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailures.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final Clock clock;
    /** Both handlers run on the thread of the work package whose batch failed. */
    private final ThreadLocal<Culprit> culprit = new ThreadLocal<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > KEPT;
        }
    };

    public ProjectionFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler)
            throws Exception {
        culprit.set(new Culprit(exception, event.getIdentifier()));
        throw exception;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        record(context.error(), context.failedEvents());
        PropagatingErrorHandler.instance().handleError(context);
    }

    private void record(Throwable error, List<? extends EventMessage<?>> batch) {
        Culprit known = culprit.get();
        culprit.remove();
        boolean exact = known != null && causedBy(error, known.exception());
        String event = exact ? known.eventIdentifier() : batch.isEmpty() ? "" : batch.get(0).getIdentifier();
        Instant now = clock.instant();
        Failure failure;
        synchronized (failures) {
            failure = failures.merge(event, new Failure(event, exact, describe(error), 1, now, now),
                    (earlier, again) -> new Failure(event, exact, again.error(), earlier.attempts() + 1,
                            earlier.since(), now));
        }
        if (failure.attempts() == STUCK_AFTER) {
            log.error("The caseload projection failed {} times on event {} and keeps retrying it; it never skips an "
                    + "event. Fix the code or the upcaster that cannot fold it (docs/operations.md, Operations: a "
                    + "stuck projection). Latest error: {}", STUCK_AFTER, event, failure.error());
        }
    }

    /** The failures the processor has not been found past yet ({@link #resolved}), oldest first. */
    public List<Failure> current() {
        synchronized (failures) {
            return failures.values().stream().sorted(Comparator.comparing(Failure::since)).toList();
        }
    }

    /** Forgets the failure, unless the processor has failed on its event again since. */
    public void resolved(Failure failure) {
        synchronized (failures) {
            failures.remove(failure.eventIdentifier(), failure);
        }
    }

    private static boolean causedBy(Throwable error, Throwable cause) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == cause) {
                return true;
            }
        }
        return false;
    }

    /** The error and its causes, class and message each, bounded: enough to find the fault, no stack. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR_LENGTH;
             t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " "));
            }
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private record Culprit(Exception exception, String eventIdentifier) {
    }

    /**
     * A batch of the processor that failed on one event, as many times as {@code attempts} says.
     *
     * @param eventIdentifier the event the handler could not fold, or the first of the batch when the batch failed
     *                        as a whole; empty for an empty batch
     * @param exact           whether the handler named the event
     * @param error           the latest error
     * @param attempts        how many times the batch failed on this event
     * @param since           the first of those failures
     * @param last            the latest
     */
    public record Failure(String eventIdentifier, boolean exact, String error, int attempts, Instant since,
                          Instant last) {

        /** Failed {@link #STUCK_AFTER} times or more. */
        public boolean stuck() {
            return attempts >= STUCK_AFTER;
        }
    }
}
