package org.greffe.audit.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the audit service under {@code greffe.audit}. The sealing delay itself is
 * {@code greffe.audit.seal-delay-ms} (default 500), read by the scheduler.
 *
 * @param sealBatchSize events sealed per transaction
 * @param fetchSize     rows fetched per round trip when verifying or exporting
 * @param gapSettle     how long a missing global index must stay missing before the sealer waits out the
 *                      transactions then running and seals past it (see {@link JdbcChainSealer})
 */
@ConfigurationProperties("greffe.audit")
public record AuditProperties(Integer sealBatchSize, Integer fetchSize, Duration gapSettle) {

    public AuditProperties {
        sealBatchSize = sealBatchSize == null ? 1000 : sealBatchSize;
        fetchSize = fetchSize == null ? 500 : fetchSize;
        gapSettle = gapSettle == null ? Duration.ofSeconds(1) : gapSettle;
        if (sealBatchSize < 1 || fetchSize < 1 || gapSettle.isNegative()) {
            throw new IllegalArgumentException("greffe.audit: batch and fetch sizes at least 1, gap-settle >= 0");
        }
    }
}
