package org.greffe.audit.application;

import java.io.IOException;
import java.io.OutputStream;

/** The tamper-evident hash chain over the stored events: sealing, verification and export. */
public interface AuditChain {

    /** Seals every stored event that no in-flight transaction can still precede; returns how many. */
    long sealPending();

    /**
     * Seals what can be sealed, then recomputes every sealed link from the stored rows, checks every sealed event's
     * authentication code, reports where sealing stands and verifies the access log's chain.
     */
    Verification verify();

    /**
     * Where sealing stands, as read at most once per {@code greffe.audit.status-refresh}: cheap enough for health
     * checks and metrics scrapes.
     */
    SealingStatus sealing();

    /** Whether the case has at least one sealed event. */
    boolean hasSealedEvents(String caseId);

    /**
     * Writes the sealed events as NDJSON, one event a line, then a last line with the chain head: the whole log's
     * global chain when {@code caseId} is null, else that case's chain.
     */
    void export(String caseId, OutputStream out) throws IOException;
}
