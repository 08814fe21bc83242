package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.AccessEntry;
import org.greffe.audit.application.AccessLog;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lets auditors see who read case-level data or ran audit operations. Reading it is itself recorded. */
@RestController
@Tag(name = "audit")
class AccessLogController {

    private static final int MAX_LIMIT = 1000;

    private static final int MAX_TEXT = 200;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/audit/access", produces = "application/json")
    @RecordedAccess("access-log")
    @Operation(summary = "Recorded accesses, newest first; 'next' links the following page")
    Page accesses(
            @Parameter(description = "only this user's accesses") @RequestParam(required = false) String user,
            @Parameter(description = "only accesses to this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "only accesses at or after this instant, 1960-01-01T00:00:00Z to "
                    + "2100-12-31T23:59:59Z", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "from", required = false) String fromText,
            @Parameter(description = "only accesses before this instant, 1960-01-01T00:00:00Z to "
                    + "2100-12-31T23:59:59Z", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "to", required = false) String toText,
            @Parameter(description = "only entries with an id below this one (paging)")
            @RequestParam(required = false) Long before,
            @Parameter(description = "at most this many entries, 1 to 1000; default 100")
            @RequestParam(defaultValue = "100") int limit) {
        plainText("user", user);
        plainText("caseId", caseId);
        Instant from = DateParameters.instant("from", fromText);
        Instant to = DateParameters.instant("to", toText);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "limit must be between 1 and " + MAX_LIMIT).worded("limit", MAX_LIMIT);
        }
        List<AccessEntry> entries = accessLog.find(new AccessLog.Query(user, caseId, from, to, before, limit));
        String next = null;
        if (entries.size() == limit) {
            next = UriComponentsBuilder.fromPath("/api/audit/access")
                                       .queryParamIfPresent("user", Optional.ofNullable(user))
                                       .queryParamIfPresent("caseId", Optional.ofNullable(caseId))
                                       .queryParamIfPresent("from", Optional.ofNullable(from))
                                       .queryParamIfPresent("to", Optional.ofNullable(to))
                                       .queryParam("before", entries.get(entries.size() - 1).id())
                                       .queryParam("limit", limit)
                                       .encode().build().toUriString();
        }
        return new Page(entries, next);
    }

    /** A user name or case id is short text without control characters (PostgreSQL refuses a NUL outright). */
    private static void plainText(String name, String value) {
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    name + " must be at most " + MAX_TEXT + " characters, none of them a control character")
                    .worded("filter-text", name, MAX_TEXT);
        }
    }

    /**
     * One page of the access log.
     *
     * @param entries newest first
     * @param next    the request for the following page, or {@code null} on the last one
     */
    record Page(List<AccessEntry> entries, String next) {
    }
}
