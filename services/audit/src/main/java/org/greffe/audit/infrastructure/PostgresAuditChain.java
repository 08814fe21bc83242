package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AccessLog;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.SealingStatus;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.Verification;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The hash chain kept in PostgreSQL, next to the event store it seals and the access log it verifies with it. */
public class PostgresAuditChain implements AuditChain {

    private final JdbcChainSealer sealer;
    private final JdbcChainVerifier verifier;
    private final JdbcChainExporter exporter;
    private final AccessLog accessLog;
    private final JdbcTreeVerifier treeVerifier;
    private final Clock clock;
    private final Duration statusRefresh;
    private SealingStatus status;
    private Instant statusReadAt;

    /**
     * @param accessLog     whose chain a verification checks too
     * @param treeVerifier  checks the Merkle tree and the signed heads against the chain
     * @param statusRefresh how long {@link #sealing()} serves the same reading
     */
    public PostgresAuditChain(JdbcChainSealer sealer, JdbcChainVerifier verifier, JdbcChainExporter exporter,
                              AccessLog accessLog, JdbcTreeVerifier treeVerifier, Clock clock,
                              Duration statusRefresh) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.exporter = exporter;
        this.accessLog = accessLog;
        this.treeVerifier = treeVerifier;
        this.clock = clock;
        this.statusRefresh = statusRefresh;
    }

    @Override
    public long sealPending() {
        return sealer.sealPending();
    }

    @Override
    public Verification verify(TreeHead trusted) {
        sealer.sealPending();
        Verification log = verifier.verify();
        return log.with(sealer.status(), accessLog.verify()).with(treeVerifier.verify(trusted));
    }

    @Override
    public synchronized SealingStatus sealing() {
        Instant now = clock.instant();
        if (status == null || !now.isBefore(statusReadAt.plus(statusRefresh))) {
            status = sealer.status();
            statusReadAt = now;
        }
        return status;
    }

    @Override
    public boolean hasSealedEvents(String caseId) {
        return exporter.hasSealedEvents(caseId);
    }

    @Override
    public void export(String caseId, TreeHead head, Long trustedSize, OutputStream out) throws IOException {
        exporter.export(caseId, head, trustedSize, out);
    }
}
