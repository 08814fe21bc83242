package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import org.greffe.audit.application.ProjectionRebuild;
import org.greffe.audit.application.RebuildStatus;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild the caseload projection from the raw event log, and follow its progress. */
@RestController
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @RecordedAccess("rebuild")
    @PostMapping(path = "/api/audit/rebuild", produces = "application/json")
    @Operation(summary = "Reset the caseload projection and replay the whole log into it")
    ResponseEntity<RebuildStatus> start() {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
        } catch (IllegalStateException e) {
            throw Problems.of(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage()
                    + "; GET /api/audit/rebuild shows its progress").worded("rebuild-running");
        }
    }

    @RecordedAccess("rebuild-status")
    @GetMapping(path = "/api/audit/rebuild", produces = "application/json")
    @Operation(summary = "Progress of the latest rebuild on this instance, an auditor's or the bulk build Greffe runs "
            + "at start-up when it finds the projection far behind the log: state, method, origin, position, head, "
            + "percent, events per second")
    RebuildStatus status() {
        return rebuild.status();
    }
}
