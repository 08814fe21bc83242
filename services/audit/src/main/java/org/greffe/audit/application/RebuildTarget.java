package org.greffe.audit.application;

import org.greffe.measures.CaseRecord;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Where a bulk rebuild writes: a projection's tables and its processor's tokens. */
public interface RebuildTarget {

    /** Always: an auditor's rebuild replaces the projection whatever it holds. */
    Predicate<Backlog> ALWAYS = backlog -> true;

    /** The processor whose projection this target holds. */
    String processorName();

    /** Where the processor stands against the log, and how often the projection was rebuilt, read at once. */
    Backlog backlog();

    /**
     * Replaces the projection in one transaction: takes the processor's tokens (giving it its segments first, in a
     * transaction of their own, if it never started, so that they can be taken; no processor can write meanwhile, and
     * a processor that starts meanwhile waits for them), asks {@code need} whether the
     * rebuild is still to be done where the projection stands now, and if so empties the projection, stores every
     * record {@code fill} hands over, moves every token of the processor to the head of the snapshot {@code fill}
     * read (with its gaps), and commits. Readers see the old projection until the commit and the new one after it,
     * never a half-built one; if anything fails, nothing changed.
     *
     * <p>Of several instances that replace the projection at once, one takes the tokens and the others wait for its
     * commit: {@code need}, asked then, lets them see that the work is done.
     *
     * @param need asked once, holding the tokens: whether to go on
     * @param fill reads the log and hands each case's record to the given consumer
     * @return the snapshot {@code fill} read; empty when {@code need} said the rebuild was no longer needed
     */
    Optional<CaseStreams.Snapshot> replace(Predicate<Backlog> need,
                                           Function<Consumer<CaseRecord>, CaseStreams.Snapshot> fill);

    /**
     * Tells readers on every instance how far a build at start-up has got while they wait for it: called when it
     * starts, about every second while it runs, and once when it ends. Each report is visible at once, although the
     * build's own transaction is not.
     */
    void progress(RebuildStatus status);

    /**
     * Where a projection stands, read in one snapshot.
     *
     * @param position   the lowest index any segment's token has reached; 0 without a token
     * @param head       the newest global index of the log
     * @param generation how many times the projection's tables were emptied to be filled again: every rebuild moves
     *                   it on. A token can move back (a batch another instance had in flight when a rebuild took the
     *                   tokens stores its older token once the rebuild commits, and is folded again harmlessly), so
     *                   a rebuild that looked before tells by this, not by the position, that another was done since
     */
    record Backlog(long position, long head, long generation) {
    }
}
