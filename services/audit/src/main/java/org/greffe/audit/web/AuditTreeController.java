package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.TreeHead;
import org.greffe.audit.application.TreeHeadSigner;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Merkle tree over the sealed log for auditors: signed tree heads, the public keys that verify them, inclusion
 * proofs of a case's events and consistency proofs between two heads (RFC 6962).
 */
@RestController
@Tag(name = "audit", description = "Signed tree heads, inclusion and consistency proofs")
@RequestMapping("/api/audit/tree")
class AuditTreeController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    private final AuditTree tree;

    AuditTreeController(AuditTree tree) {
        this.tree = tree;
    }

    @RecordedAccess("tree-head")
    @GetMapping(path = "/heads/latest", produces = "application/json")
    @Operation(summary = "The latest signed tree head: size, root, time, key id and Ed25519 signature")
    TreeHead latest() {
        return tree.latestHead().orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no tree head is signed yet: nothing is sealed, or the first head is due within "
                        + "greffe.audit.tree-head-interval").worded("no-head-yet"));
    }

    @RecordedAccess("tree-head")
    @GetMapping(path = "/heads/{treeSize}", produces = "application/json")
    @Operation(summary = "The head Greffe signed for that tree size")
    TreeHead bySize(@PathVariable String treeSize) {
        long size = size("treeSize", treeSize);
        return tree.head(size).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no head was signed for tree size " + size + "; GET /api/audit/tree/heads/latest gives the latest")
                .worded("no-head", String.valueOf(size)));
    }

    @RecordedAccess("tree-keys")
    @GetMapping(path = "/keys", produces = "application/json")
    @Operation(summary = "The public keys that verify the signed heads, the current one and those still held")
    List<TreeHeadSigner.HeadKey> keys() {
        return tree.publicKeys();
    }

    @RecordedAccess("tree-keys")
    @GetMapping(path = "/keys/{keyId}", produces = "application/x-pem-file")
    @Operation(summary = "One public key as a PEM file, for GreffeVerifier --public-key; 'current' names the current")
    String pem(@PathVariable String keyId) {
        if (!keyId.equals("current") && !KEY_ID.matcher(keyId).matches()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "keyId must be 16 lower-case hex digits, or current").worded("key-id");
        }
        return tree.publicKeys().stream()
                   .filter(key -> keyId.equals("current") ? key.current() : key.keyId().equals(keyId))
                   .findFirst().map(TreeHeadSigner.HeadKey::pem)
                   .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                           "no head signing key " + keyId + "; GET /api/audit/tree/keys lists them")
                           .worded("no-key", keyId));
    }

    @RecordedAccess("inclusion-proof")
    @GetMapping(path = "/inclusion", produces = "application/json")
    @Operation(summary = "Per sealed event of the case: its leaf index and audit path in the tree of treeSize leaves")
    AuditTree.CaseInclusion inclusion(
            @RequestParam String caseId,
            @Parameter(description = "the tree size to prove against; the latest signed head's when absent")
            @RequestParam(required = false) String treeSize) {
        if (!ID.matcher(caseId).matches()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "caseId must be 1 to 64 letters, digits or . _ : - starting with a letter or digit")
                    .worded("case-id");
        }
        long size = treeSize == null ? latest().treeSize() : size("treeSize", treeSize);
        AuditTree.CaseInclusion inclusion = proven(() -> tree.inclusion(caseId, size));
        if (inclusion.events().isEmpty()) {
            throw Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no sealed event of case " + caseId + " in the tree of " + size + " events")
                    .worded("not-in-tree", caseId, String.valueOf(size));
        }
        return inclusion;
    }

    @RecordedAccess("consistency-proof")
    @GetMapping(path = "/consistency", produces = "application/json")
    @Operation(summary = "The consistency proof from the tree of 'from' leaves to the tree of 'to' leaves")
    AuditTree.ConsistencyProof consistency(@RequestParam String from,
                                           @Parameter(description = "the latest signed head's size when absent")
                                           @RequestParam(required = false) String to) {
        long first = size("from", from);
        long second = to == null ? latest().treeSize() : size("to", to);
        return proven(() -> tree.consistency(first, second));
    }

    /** A size parameter: a whole number of at least 1, else one sentence saying so. */
    static long size(String name, String value) {
        try {
            long size = Long.parseLong(value.strip());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                name + " must be a whole number of at least 1, not " + Problems.abbreviated(value))
                .worded("size", name, Problems.abbreviated(value));
    }

    private static <T> T proven(java.util.function.Supplier<T> proof) {
        try {
            return proof.get();
        } catch (IllegalArgumentException outOfRange) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", outOfRange.getMessage());
        }
    }
}
