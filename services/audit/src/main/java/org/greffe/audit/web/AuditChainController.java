package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.Verification;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Tamper evidence for auditors: verify the hash chain against the stored events, and export the sealed events with
 * their hashes so that anyone can check them with the standalone verifier, without Greffe.
 */
@RestController
@Tag(name = "audit", description = "Hash chain over the stored events: verification and export")
@RequestMapping("/api/audit")
class AuditChainController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditChain chain;

    AuditChainController(AuditChain chain) {
        this.chain = chain;
    }

    @RecordedAccess("verify")
    @PostMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Seal what can be sealed, then recompute every link from the stored events")
    Verification verify() {
        return chain.verify();
    }

    @RecordedAccess("export")
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    @Operation(summary = "The sealed events with their hashes, one JSON object a line, then the chain head")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "one case's chain; the whole log's when absent")
            @RequestParam(required = false) String caseId) {
        if (caseId != null && !chain.hasSealedEvents(caseId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no sealed event of case " + caseId);
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        StreamingResponseBody body = out -> chain.export(caseId, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
