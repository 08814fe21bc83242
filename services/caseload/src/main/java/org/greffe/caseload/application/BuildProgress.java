package org.greffe.caseload.application;

/**
 * How far a build of the caseload projection from the log has got, as readers waiting for its figures are told.
 *
 * @param bulk            true for a bulk build (the log read case by case, the projection replaced at once), false
 *                        for the processor folding the log event by event
 * @param eventsRead      events read so far: for a bulk build as its builder last reported, for the processor the
 *                        position it has reached
 * @param head            the newest global index of the log the build reads up to
 * @param eventsPerSecond events read per second so far; 0 when unknown
 */
public record BuildProgress(boolean bulk, long eventsRead, long head, double eventsPerSecond) {

    /** What to tell a reader to wait when the rate is unknown, in seconds. */
    public static final long DEFAULT_RETRY_SECONDS = 5;
    /** The longest wait to suggest, in seconds: a build that slows down is better asked about again. */
    public static final long MAX_RETRY_SECONDS = 30;

    /** eventsRead / head × 100 with one decimal, at most 100; 100 for an empty log. */
    public double percent() {
        return head <= 0 ? 100 : Math.min(100.0, Math.floor(1000.0 * eventsRead / head) / 10.0);
    }

    /**
     * When to ask again, in seconds: the time the events left take at the rate so far, from 1 to
     * {@value #MAX_RETRY_SECONDS}; {@value #DEFAULT_RETRY_SECONDS} when the rate is unknown.
     */
    public long retryAfterSeconds() {
        if (eventsPerSecond <= 0) {
            return DEFAULT_RETRY_SECONDS;
        }
        double left = Math.max(0, head - eventsRead) / eventsPerSecond;
        return Math.max(1, Math.min(MAX_RETRY_SECONDS, (long) Math.ceil(left)));
    }
}
