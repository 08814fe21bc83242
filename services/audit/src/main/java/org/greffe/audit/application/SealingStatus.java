package org.greffe.audit.application;

import java.time.Instant;

/**
 * How far behind the log the chain is. Sealing is meant to trail appends by about a second; the bound
 * {@code greffe.audit.max-sealing-lag} says when it is late enough to be an incident.
 *
 * @param sealedThrough            the global index of the newest sealed event, 0 when nothing is sealed
 * @param unsealedEvents           stored events above it, counted up to {@link #COUNTED} (a figure that large means
 *                                 at least that many)
 * @param oldestUnsealedAt         the recorded time of the first of them in log order, the one that has waited
 *                                 longest; {@code null} when there are none
 * @param oldestUnsealedAgeSeconds how long ago that was, 0 when there are none
 * @param maxLagSeconds            the bound, {@code greffe.audit.max-sealing-lag}
 * @param overdue                  whether an event has waited longer than the bound
 * @param stop                     why the sealer stopped below the newest event, or {@code null} when it keeps up
 */
public record SealingStatus(long sealedThrough, long unsealedEvents, Instant oldestUnsealedAt,
                            double oldestUnsealedAgeSeconds, long maxLagSeconds, boolean overdue, SealingStop stop) {

    /** How far unsealed events are counted: enough for any alert, cheap enough for every scrape. */
    public static final int COUNTED = 100_000;

    /** Whether the sealer refuses an event that was not appended through Greffe. */
    public boolean refused() {
        return stop != null && stop.kind() == SealingStop.Kind.REFUSED;
    }
}
