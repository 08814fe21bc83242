package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.Verification;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final AuditChain chain;
    private final AuditTree tree;

    AuditChainController(AuditChain chain, AuditTree tree) {
        this.chain = chain;
        this.tree = tree;
    }

    @RecordedAccess("verify")
    @PostMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Seal what can be sealed, then recompute every link from the stored events, the Merkle tree "
            + "and the signed heads; with a saved signed head as the body, also check the log is consistent with it")
    Verification verify(@RequestBody(required = false) TreeHead trustedHead) {
        if (trustedHead != null && (trustedHead.rootHash() == null || !HEX.matcher(trustedHead.rootHash()).matches()
                || trustedHead.signature() == null || trustedHead.keyId() == null
                || trustedHead.timestamp() == null || trustedHead.treeSize() < 0)) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "the body must be a "
                    + "signed tree head as GET /api/audit/tree/heads/latest gives it: treeSize, rootHash (64 hex "
                    + "digits), timestamp, keyId and signature").worded("not-a-head");
        }
        return chain.verify(trustedHead);
    }

    @RecordedAccess("export")
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    @Operation(summary = "The sealed events with their hashes, one JSON object a line, then the chain head")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "one case's chain; the whole log's when absent")
            @RequestParam(required = false) String caseId,
            @Parameter(description = "the size of a head the auditor trusts: the export then carries the consistency "
                    + "proof from it to the head the events are proven against")
            @RequestParam(required = false) String trustedSize) {
        if (caseId != null && !chain.hasSealedEvents(caseId)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no sealed event of case " + caseId)
                    .worded("no-sealed-events", caseId);
        }
        Long trusted = trustedSize == null ? null : AuditTreeController.size("trustedSize", trustedSize);
        // A head that covers every sealed event, signed now if the latest does not.
        TreeHead head = tree.signHead().orElse(null);
        if (trusted != null && (head == null || trusted > head.treeSize())) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "trustedSize must be at "
                    + "most " + (head == null ? 0 : head.treeSize()) + ", the size of the head this export is proven "
                    + "against").worded("trusted-size",
                    String.valueOf(head == null ? 0 : head.treeSize()));
        }
        StreamingResponseBody body = out -> chain.export(caseId, head, trusted, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
