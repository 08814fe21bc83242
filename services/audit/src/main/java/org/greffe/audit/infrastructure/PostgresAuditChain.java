package org.greffe.audit.infrastructure;

import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.Verification;

import java.io.IOException;
import java.io.OutputStream;

/** The hash chain kept in PostgreSQL, next to the event store it seals. */
public class PostgresAuditChain implements AuditChain {

    private final JdbcChainSealer sealer;
    private final JdbcChainVerifier verifier;
    private final JdbcChainExporter exporter;

    public PostgresAuditChain(JdbcChainSealer sealer, JdbcChainVerifier verifier, JdbcChainExporter exporter) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.exporter = exporter;
    }

    @Override
    public long sealPending() {
        return sealer.sealPending();
    }

    @Override
    public Verification verify() {
        sealer.sealPending();
        return verifier.verify();
    }

    @Override
    public boolean hasSealedEvents(String caseId) {
        return exporter.hasSealedEvents(caseId);
    }

    @Override
    public void export(String caseId, OutputStream out) throws IOException {
        exporter.export(caseId, out);
    }
}
