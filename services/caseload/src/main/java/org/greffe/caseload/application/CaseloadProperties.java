package org.greffe.caseload.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the caseload under {@code greffe.caseload}. The time standards under the same prefix define the
 * measures, which the auditors' replay shares: they are bound once, by
 * {@link org.greffe.platform.settings.TimeStandardSettings}.
 *
 * @param batchSize          events the projection folds per transaction
 * @param segments           segments of the projection's processor when it first starts (its parallelism)
 * @param smallCellThreshold {@code greffe.caseload.small-cell-threshold}, the {@code k} of the published figures
 *                           (default 5, at least 1): readers without exact figures (all but clerks and auditors) see
 *                           no breakdown cell whose perturbed count is below {@code k}; 1 hides nothing
 * @param maxStreamsPerUser  {@code greffe.caseload.max-streams-per-user}: caseload streams one user may hold open at
 *                           once (default 4); every stream holds a connection and a thread's attention
 * @param bulkCatchUpThreshold {@code greffe.caseload.bulk-catch-up-threshold}: how many events the projection must
 *                           have left to read when Greffe starts for it to be built in bulk rather than folded event by
 *                           event (default 10,000; 0 turns the bulk catch-up off); see {@link BulkCatchUp}
 */
@ConfigurationProperties("greffe.caseload")
public record CaseloadProperties(Integer batchSize, Integer segments, Integer smallCellThreshold,
                                 Integer maxStreamsPerUser, Long bulkCatchUpThreshold, Duration maxWait) {

    public CaseloadProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        segments = segments == null ? 2 : segments;
        smallCellThreshold = smallCellThreshold == null ? 5 : smallCellThreshold;
        maxStreamsPerUser = maxStreamsPerUser == null ? 4 : maxStreamsPerUser;
        bulkCatchUpThreshold = bulkCatchUpThreshold == null ? BulkCatchUp.DEFAULT_THRESHOLD : bulkCatchUpThreshold;
        maxWait = maxWait == null ? Duration.ofSeconds(5) : maxWait;
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("greffe.caseload.max-wait must be between 0 and 1m");
        }
        if (bulkCatchUpThreshold < 0) {
            throw new IllegalArgumentException("greffe.caseload.bulk-catch-up-threshold must be 0 (off) or more");
        }
        if (maxStreamsPerUser < 1) {
            throw new IllegalArgumentException("greffe.caseload.max-streams-per-user must be at least 1");
        }
        if (batchSize < 1 || segments < 1) {
            throw new IllegalArgumentException("greffe.caseload.batch-size and segments must be at least 1");
        }
        if (smallCellThreshold < 1) {
            throw new IllegalArgumentException("greffe.caseload.small-cell-threshold must be at least 1");
        }
    }
}
