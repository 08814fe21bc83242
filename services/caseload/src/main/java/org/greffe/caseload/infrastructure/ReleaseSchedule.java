package org.greffe.caseload.infrastructure;

import org.greffe.caseload.application.Releases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the monthly releases. It starts once Greffe is ready, after what start-up loads into the log (a
 * {@code --greffe.import} file, the demo docket: their listeners run first), so that the first release holds them;
 * then it checks every few seconds whether a month has closed and the projection has read the whole log.
 */
public class ReleaseSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);
    private static final long CHECK_SECONDS = 5;

    private final Releases releases;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "caseload-releases");
        thread.setDaemon(true);
        return thread;
    });

    public ReleaseSchedule(Releases releases) {
        this.releases = releases;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void start() {
        check();
        checks.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            releases.makeIfDue();
        } catch (RuntimeException e) {
            // The database may be briefly unavailable: the next check tries again; a release is all or nothing.
            log.warn("Could not make the monthly release of the caseload figures; trying again in {} s: {}",
                    CHECK_SECONDS, e.toString());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        checks.shutdownNow();
    }
}
