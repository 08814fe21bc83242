package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import org.greffe.audit.application.CaseHistories;
import org.greffe.audit.application.CaseHistory;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** The complete, ordered history of one case, with who recorded each event, when, and how. */
@RestController
class CaseHistoryController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final CaseHistories histories;

    CaseHistoryController(CaseHistories histories) {
        this.histories = histories;
    }

    @RecordedAccess("case-history")
    @GetMapping(path = "/api/audit/cases/{caseId}/history", produces = "application/json")
    @Operation(summary = "Every stored event of a case, in order, with its metadata and hash-chain links")
    List<CaseHistory> history(@PathVariable String caseId) {
        if (!ID.matcher(caseId).matches()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "caseId must be 1 to 64 letters, digits or . _ : - starting with a letter or digit")
                    .worded("case-id");
        }
        List<CaseHistory> history = histories.of(caseId);
        if (history.isEmpty()) {
            throw Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case with id " + caseId)
                    .worded("no-case", caseId);
        }
        return history;
    }
}
