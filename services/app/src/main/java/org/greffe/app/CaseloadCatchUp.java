package org.greffe.app;

import org.axonframework.spring.config.SpringAxonConfiguration;
import org.greffe.audit.application.ProjectionRebuild;
import org.greffe.caseload.application.BulkCatchUp;
import org.greffe.caseload.application.CaseloadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * At start-up, builds the caseload projection in bulk when its processor finds it far behind the log
 * ({@link BulkCatchUp}, {@code greffe.caseload.bulk-catch-up-threshold}): on a new instance's first start on a long
 * log, or after a migration reset the projection. The auditors' bulk rebuild does the work ({@link ProjectionRebuild},
 * one code path), and {@code GET /api/audit/rebuild} shows it.
 *
 * <p>Why here: it runs just before Axon's lifecycle, which starts the processors, and returns once the build holds
 * the processor's tokens. The processor then starts and waits for them, so it folds nothing that the build replaces
 * and has no batch to be stopped first; it goes on from the build's head once the build commits. The web server
 * starts later still, so that the first reader is already told that the projection is being built. The decision is
 * one read of the tokens; the build runs in the background.
 */
@Component
class CaseloadCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseloadCatchUp.class);
    /** How long start-up waits for the build to hold the tokens: only another instance's build keeps them longer. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ProjectionRebuild rebuild;
    private final BulkCatchUp rule;
    private volatile boolean running;

    CaseloadCatchUp(ProjectionRebuild rebuild, CaseloadProperties properties) {
        this.rebuild = rebuild;
        this.rule = new BulkCatchUp(properties.bulkCatchUpThreshold());
    }

    @Override
    public void start() {
        running = true;
        try {
            rebuild.catchUp(backlog -> rule.needed(backlog.position(), backlog.head()), PATIENCE);
        } catch (RuntimeException e) {
            // The processor catches up by itself, only more slowly: no reason not to start.
            log.warn("Could not decide whether to build the caseload projection in bulk; its processor catches up "
                    + "event by event", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just before Axon's lifecycle, which starts the event processors. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1;
    }
}
