package org.greffe.registry.application;

import org.greffe.events.CaseId;

import java.util.Collection;

/**
 * Serialises the commands of one case across threads and instances until their transaction ends, so a command
 * always decides on the state its predecessor committed, instead of failing on a conflict it could have avoided.
 */
public interface CaseLocks {

    /**
     * Locks the case for the current transaction: the case's events are read for the command only once no other
     * transaction holds the case, and the lock is released when the transaction ends.
     */
    void lockUntilCommit(CaseId caseId);

    /**
     * Locks every case of a docket chunk until the transaction ends, always in the same order, so that two chunks
     * that share cases wait for each other instead of deadlocking.
     */
    void lockAllUntilCommit(Collection<CaseId> caseIds);
}
