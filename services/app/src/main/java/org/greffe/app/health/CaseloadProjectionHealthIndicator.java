package org.greffe.app.health;

import org.greffe.caseload.infrastructure.ProjectionHealth;
import org.greffe.caseload.projection.CaseloadProjection;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health component {@code caseloadProjection}, also in the readiness group: DOWN while the caseload processor
 * keeps failing on one event, naming that event's global position and the error. Axon retries the failing batch for
 * ever and never skips it, which is right for the figures but, without this, silent: the figures would stop moving
 * while health said UP. UP again once the projection got past the event, which takes a fix of the code or the
 * upcaster (docs/operations.md, Operations: a stuck projection).
 */
@Component
class CaseloadProjectionHealthIndicator implements HealthIndicator {

    static final String REPAIR = "fix the code or the upcaster that cannot fold this event and deploy it: the "
            + "processor then folds it and goes on; after a fix that changes how stored events fold, rebuild "
            + "(POST /api/audit/rebuild). Never delete or skip the event: the log is append-only and the figures "
            + "must count every event";

    private final ProjectionHealth projection;

    CaseloadProjectionHealthIndicator(ProjectionHealth projection) {
        this.projection = projection;
    }

    @Override
    public Health health() {
        return projection.failing().map(CaseloadProjectionHealthIndicator::failing)
                         .orElseGet(() -> Health.up().withDetail("processor", CaseloadProjection.PROCESSOR).build());
    }

    private static Health failing(ProjectionHealth.Report report) {
        Health.Builder health = report.stuck() ? Health.down() : Health.up();
        health.withDetail("processor", CaseloadProjection.PROCESSOR);
        Map<String, Object> event = new LinkedHashMap<>();
        if (report.event() != null) {
            event.put("globalPosition", report.event().globalPosition());
            event.put("payloadType", report.event().payloadType());
            event.put("aggregateIdentifier", report.event().aggregateIdentifier());
            event.put("sequenceNumber", report.event().sequenceNumber());
        }
        event.put("eventIdentifier", report.failure().eventIdentifier());
        event.put("namedBy", report.failure().exact() ? "handler" : "batch");
        health.withDetail("failingEvent", event)
              .withDetail("error", report.failure().error())
              .withDetail("attempts", report.failure().attempts())
              .withDetail("failingSince", report.failure().since().toString())
              .withDetail("lastAttempt", report.failure().last().toString())
              .withDetail("position", report.state().position())
              .withDetail("head", report.state().head());
        if (report.stuck()) {
            health.withDetail("repair", REPAIR);
        }
        return health.build();
    }
}
