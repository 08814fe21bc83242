package org.greffe.app.integrity;

import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.SealingStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code auditChain} component of {@code /actuator/health}: DOWN while the sealer refuses an event that was not
 * appended through Greffe (with its position and why), and while an event has waited to be sealed longer than
 * {@code greffe.audit.max-sealing-lag} (with what the sealer waits for: the open transactions' pids and ages), and
 * while the head signer refuses to sign the grown tree ({@code treeSigning}, why). It
 * reads where sealing stands at most once per {@code greffe.audit.status-refresh}, so health checks cost the
 * database nothing more. Not part of the liveness or readiness groups: appends and reads go on while sealing is
 * stopped, and restarting Greffe would not make a forged row genuine.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {

    private final AuditChain chain;
    private final AuditTree tree;

    AuditChainHealthIndicator(AuditChain chain, AuditTree tree) {
        this.chain = chain;
        this.tree = tree;
    }

    @Override
    public Health health() {
        SealingStatus status = chain.sealing();
        String signingRefusal = tree.signingRefusal().orElse(null);
        Health.Builder health = status.refused() || status.overdue() || signingRefusal != null ? Health.down()
                : Health.up();
        health.withDetail("sealedThrough", status.sealedThrough())
              .withDetail("unsealedEvents", status.unsealedEvents())
              .withDetail("oldestUnsealedAgeSeconds", status.oldestUnsealedAgeSeconds())
              .withDetail("maxSealingLagSeconds", status.maxLagSeconds());
        if (status.oldestUnsealedAt() != null) {
            health.withDetail("oldestUnsealedAt", status.oldestUnsealedAt().toString());
        }
        if (status.refused()) {
            health.withDetail("problem", "the sealer refuses the event at global index "
                    + status.stop().globalPosition() + " and seals nothing after it: " + status.stop().reason());
        } else if (status.overdue()) {
            health.withDetail("problem", "an event has waited " + status.oldestUnsealedAgeSeconds() + " s to be "
                    + "sealed, more than greffe.audit.max-sealing-lag ("
                    + status.maxLagSeconds() + " s)" + (status.stop() == null ? "" : ": " + status.stop().reason()));
        }
        if (status.stop() != null) {
            health.withDetail("stop", status.stop());
        }
        if (signingRefusal != null) {
            health.withDetail("treeSigning", signingRefusal);
        }
        return health.build();
    }
}
