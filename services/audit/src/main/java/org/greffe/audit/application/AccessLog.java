package org.greffe.audit.application;

import java.time.Instant;
import java.util.List;

/** The access log: written before a read is served, queried by auditors. */
public interface AccessLog {

    /**
     * Records an access before it is served and returns its id.
     *
     * @throws RuntimeException when it cannot be recorded; the caller must then refuse the read
     */
    long record(AccessEntry entry);

    /** Records the outcome of an access recorded before. */
    void complete(long id, int status);

    /** Entries matching the query, newest first. */
    List<AccessEntry> find(Query query);

    /** Recomputes the chain of every entry, oldest first, and names the first that does not match. */
    AccessLogVerification verify();

    /**
     * What an auditor asks for; every criterion is optional.
     *
     * @param user   only this user's accesses
     * @param caseId only accesses to this case
     * @param from   only accesses at or after
     * @param to     only accesses before
     * @param before only entries with an id below (the next page)
     * @param limit  at most this many entries
     */
    record Query(String user, String caseId, Instant from, Instant to, Long before, int limit) {
    }
}
