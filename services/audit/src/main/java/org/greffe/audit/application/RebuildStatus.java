package org.greffe.audit.application;

import java.time.Instant;

/**
 * Progress of a projection rebuild.
 *
 * @param state           {@code IDLE} (none ran), {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param position        global position the rebuilt projection has reached
 * @param head            newest global position of the log when the rebuild started
 * @param percent         position / head × 100 (100 for an empty log)
 * @param eventsPerSecond events replayed per second so far
 * @param startedAt       when the rebuild started, or {@code null}
 * @param finishedAt      when it finished, or {@code null}
 * @param failure         why it failed, or {@code null}
 */
public record RebuildStatus(State state, long position, long head, double percent, double eventsPerSecond,
                            Instant startedAt, Instant finishedAt, String failure) {

    /** Where a rebuild stands. */
    public enum State { IDLE, RUNNING, DONE, FAILED }
}
