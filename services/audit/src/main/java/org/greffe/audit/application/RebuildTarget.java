package org.greffe.audit.application;

import org.greffe.measures.CaseRecord;

import java.util.function.Consumer;
import java.util.function.Function;

/** Where a bulk rebuild writes: a projection's tables and its processor's tokens. */
public interface RebuildTarget {

    /** The processor whose projection this target holds. */
    String processorName();

    /**
     * Replaces the projection in one transaction: takes the processor's tokens (no processor can write meanwhile),
     * empties the projection, stores every record {@code fill} hands over, moves every token of the processor to
     * the head of the snapshot {@code fill} read (with its gaps), and commits. Readers see the old projection until
     * the commit and the new one after it, never a half-built one; if anything fails, nothing changed.
     *
     * @param fill reads the log and hands each case's record to the given consumer
     * @return the snapshot {@code fill} read
     */
    CaseStreams.Snapshot replace(Function<Consumer<CaseRecord>, CaseStreams.Snapshot> fill);
}
