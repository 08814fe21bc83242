package org.greffe.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs like the system's from a chosen instant, and that a test can move forward: how a test lives
 * through the end of a month without waiting for one.
 */
final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> origin;
    private final AtomicReference<Long> startedNanos = new AtomicReference<>(System.nanoTime());

    MovableClock(Instant start, ZoneId zone) {
        this.zone = zone;
        this.origin = new AtomicReference<>(start);
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    void moveTo(Instant instant) {
        origin.set(instant);
        startedNanos.set(System.nanoTime());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.fixed(instant(), other), Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return origin.get().plusNanos(System.nanoTime() - startedNanos.get());
    }
}
