package org.greffe.caseload.application;

/**
 * When Greffe starts and finds the caseload projection far behind the log, whether to build it in bulk rather than
 * let its processor fold the unread events one by one.
 *
 * <p>Why: the processor folds 4,000 to 9,500 events a second (one batch after another, each reading and rewriting
 * the records of the cases it touches), while the bulk build reads the log case by case from one snapshot, folds each
 * case once and writes every record in one {@code COPY}: about 96,000 events a second. On a first start on a large
 * log (a new instance, or a projection reset by a migration) the processor alone keeps readers waiting for minutes.
 * But the bulk build always reads the whole log: it pays only when what is left to read is a good part of it. At a
 * tenth of the log, folding the rest one by one already costs about as much as reading everything in bulk, so the
 * bulk build is chosen from there, and only for a backlog of at least {@code threshold} events, below which either
 * way takes seconds.
 *
 * @param threshold {@code greffe.caseload.bulk-catch-up-threshold}: the fewest unread events worth a bulk build;
 *                  0 turns it off
 */
public record BulkCatchUp(long threshold) {

    /** The default threshold: ten thousand events take the processor one to three seconds. */
    public static final long DEFAULT_THRESHOLD = 10_000;

    public BulkCatchUp {
        if (threshold < 0) {
            throw new IllegalArgumentException("the bulk catch-up threshold must be 0 (off) or more");
        }
    }

    /**
     * Whether a projection whose processor has read up to {@code position} should be built in bulk from a log whose
     * newest event is at {@code head}.
     */
    public boolean needed(long position, long head) {
        long unread = head - Math.max(0, position);
        return threshold > 0 && unread >= threshold && unread * 10 >= head;
    }
}
