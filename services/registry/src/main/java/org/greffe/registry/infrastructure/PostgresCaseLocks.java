package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.platform.eventlog.StreamLocks;
import org.greffe.registry.application.CaseLocks;

/**
 * Case locks as the writers' locks of the event log's streams ({@link StreamLocks}): PostgreSQL transaction-level
 * advisory locks, which hold across every Greffe instance sharing the database and vanish with the transaction, even
 * if the instance dies. The event store takes a case's lock in the round trip that reads the case's events, so the
 * lock costs no round trip of its own. Two cases whose ids hash alike only wait for each other; they never see each
 * other's data.
 */
public class PostgresCaseLocks implements CaseLocks {

    @Override
    public void lockUntilCommit(CaseId caseId) {
        StreamLocks.lockBeforeRead(caseId.value());
    }
}
