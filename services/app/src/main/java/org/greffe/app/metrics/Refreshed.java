package org.greffe.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per period. A scrape reads every gauge of a family one after the other; they share one
 * reading, so a scrape costs the database one round of queries, not one per gauge.
 *
 * @param <T> the value
 */
final class Refreshed<T> {

    private final Duration period;
    private final Clock clock;
    private final Supplier<T> read;
    private T value;
    private Instant readAt;

    Refreshed(Duration period, Clock clock, Supplier<T> read) {
        this.period = period;
        this.clock = clock;
        this.read = read;
    }

    /** The value, read again when the last reading is older than the period. */
    synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(period))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
