package org.greffe.audit.application;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * The raw event log read case by case: every case's events in its own order, one case after another, all from one
 * consistent snapshot of the log. A case's record depends only on its own events in their order, so folding case by
 * case gives exactly what folding the whole log in global order gives, with one case in memory at a time.
 */
public interface CaseStreams {

    /**
     * Reads the events of every case, or of the cases that were ever at one tribunal.
     *
     * @param tribunalId the tribunal whose cases to read (filed there or transferred there at any time), or
     *                   {@code null} for every case
     * @param perCase    receives each case's events, upcast and in sequence order
     * @return the snapshot read
     */
    Snapshot forEachCase(String tribunalId, Consumer<List<DomainEventMessage<?>>> perCase);

    /**
     * The snapshot of the log a read saw.
     *
     * @param head       the newest global index in the snapshot, 0 for an empty log
     * @param gaps       global indexes below the head, within the last {@link #GAP_WINDOW}, that held no event in the
     *                   snapshot: an append still in flight may yet fill them, so a processor must look at them again
     * @param eventsRead events handed to the consumer
     */
    record Snapshot(long head, SortedSet<Long> gaps, long eventsRead) {

        /** How far below the head a missing index still counts as a gap (Axon's default maximum gap offset). */
        public static final int GAP_WINDOW = 10_000;
    }
}
