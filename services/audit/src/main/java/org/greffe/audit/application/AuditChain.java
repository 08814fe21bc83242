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
    default Verification verify() {
        return verify(null);
    }

    /**
     * As {@link #verify()}, and also recomputes the Merkle tree from the chain, checks every head Greffe signed and,
     * when not null, a head the auditor saved earlier: not ok when the log is no longer consistent with it.
     */
    Verification verify(TreeHead trusted);

    /**
     * Where sealing stands, as read at most once per {@code greffe.audit.status-refresh}: cheap enough for health
     * checks and metrics scrapes.
     */
    SealingStatus sealing();

    /** Whether the case has at least one sealed event. */
    boolean hasSealedEvents(String caseId);

    /**
     * Writes the sealed events as NDJSON, one event a line, then a last line with the chain head: the whole log's
     * global chain when {@code caseId} is null, else that case's chain. With a signed head, only the events in its
     * tree; a case's events then carry their inclusion proofs against it, and the last line the head itself and,
     * when {@code trustedSize} is not null, the consistency proof from the tree of that size to the head's.
     */
    void export(String caseId, TreeHead head, Long trustedSize, OutputStream out) throws IOException;
}
