package org.greffe.audit.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the audit service under {@code greffe.audit}. The sealing delay itself is
 * {@code greffe.audit.seal-delay-ms} (default 500), and the time between signed tree heads
 * {@code greffe.audit.tree-head-interval} (default {@code PT1M}; a head is signed only when the tree grew), both read
 * by the scheduler.
 *
 * @param sealBatchSize events sealed per transaction
 * @param fetchSize     rows fetched per round trip when verifying or exporting
 * @param gapSettle     how long a missing global index must stay missing before the sealer looks for the
 *                      transactions that may still fill it (see {@link JdbcChainSealer})
 * @param maxSealingLag how long a stored event may wait to be sealed before it is an incident: verify, health
 *                      (DOWN) and the alert rules say so; 5 minutes by default
 * @param statusRefresh how long health and metrics reuse one reading of where sealing stands; 5 s by default
 */
@ConfigurationProperties("greffe.audit")
public record AuditProperties(Integer sealBatchSize, Integer fetchSize, Duration gapSettle, Duration maxSealingLag,
                              Duration statusRefresh) {

    public AuditProperties {
        sealBatchSize = sealBatchSize == null ? 1000 : sealBatchSize;
        fetchSize = fetchSize == null ? 500 : fetchSize;
        gapSettle = gapSettle == null ? Duration.ofSeconds(1) : gapSettle;
        maxSealingLag = maxSealingLag == null ? Duration.ofMinutes(5) : maxSealingLag;
        statusRefresh = statusRefresh == null ? Duration.ofSeconds(5) : statusRefresh;
        if (sealBatchSize < 1 || fetchSize < 1 || gapSettle.isNegative() || maxSealingLag.isNegative()
                || statusRefresh.isNegative()) {
            throw new IllegalArgumentException("greffe.audit: batch and fetch sizes at least 1, gap-settle, "
                    + "max-sealing-lag and status-refresh >= 0");
        }
    }
}
