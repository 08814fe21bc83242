package org.greffe.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.CaseloadReplay;
import org.greffe.platform.access.RecordedAccess;
import org.greffe.platform.eventlog.LogPositions;
import org.greffe.platform.settings.Tribunals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * The caseload of a tribunal re-derived from the raw event log, as of any date and as known at any moment: the same
 * figures as {@code GET /api/caseload/{tribunalId}} and {@code GET /api/caseload/{tribunalId}/stalls}, plus where in
 * the log they were computed.
 */
@RestController
@Tag(name = "audit", description = "Re-derive, verify and trace every published figure")
class AuditCaseloadController {

    private static final String AS_OF = "effective date of the stocks, 1960-01-01 to 2100-12-31; default today";
    private static final String KNOWN_AT = "only events recorded at or before this instant, 1960-01-01T00:00:00Z to "
            + "2100-12-31T23:59:59Z; default now";
    private static final String FROM = "first day of the flow period, 1960-01-01 to 2100-12-31; default one year "
            + "before asOf";
    private static final String AT_LEAST = "a log position (e.g. the Greffe-Log-Position of an accepted command) the "
            + "replay's log must reach; it always does, since the replay reads the log as it stands when asked "
            + "(knownAt then leaves out what was recorded later); a position past the log is refused";

    private final CaseloadReplay replay;
    private final Tribunals settings;
    private final ObjectMapper json;
    private final Clock clock;

    AuditCaseloadController(CaseloadReplay replay, Tribunals settings, ObjectMapper json, Clock clock) {
        this.replay = replay;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @RecordedAccess("caseload-replay")
    @GetMapping(path = "/api/audit/caseload/{tribunalId}", produces = "application/json")
    @Operation(summary = "A tribunal's caseload replayed from the raw log, as of a date and as known at an instant")
    ObjectNode caseload(
            @PathVariable String tribunalId,
            @Parameter(description = AS_OF, schema = @Schema(type = "string", format = "date"))
            @RequestParam(name = "asOf", required = false) String asOfText,
            @Parameter(description = KNOWN_AT, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "knownAt", required = false) String knownAtText,
            @Parameter(description = FROM, schema = @Schema(type = "string", format = "date"))
            @RequestParam(name = "from", required = false) String fromText,
            @Parameter(description = AT_LEAST)
            @RequestParam(name = LogPositions.AT_LEAST, required = false) String atLeastText) {
        Asked asked = asked(tribunalId, asOfText, knownAtText, fromText, atLeastText);
        return answer(asked, replay.caseload(tribunalId, asked.from(), asked.asOf(), asked.knownAt()));
    }

    @RecordedAccess("stalls-replay")
    @GetMapping(path = "/api/audit/caseload/{tribunalId}/stalls", produces = "application/json")
    @Operation(summary = "Why a tribunal's cases stall, replayed from the raw log, as of a date and as known at an "
            + "instant", description = "The exact figures of GET /api/caseload/{tribunalId}/stalls, from case records "
            + "folded afresh from the log (never from the projection)")
    ObjectNode stalls(
            @PathVariable String tribunalId,
            @Parameter(description = AS_OF, schema = @Schema(type = "string", format = "date"))
            @RequestParam(name = "asOf", required = false) String asOfText,
            @Parameter(description = KNOWN_AT, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "knownAt", required = false) String knownAtText,
            @Parameter(description = FROM, schema = @Schema(type = "string", format = "date"))
            @RequestParam(name = "from", required = false) String fromText,
            @Parameter(description = AT_LEAST)
            @RequestParam(name = LogPositions.AT_LEAST, required = false) String atLeastText) {
        Asked asked = asked(tribunalId, asOfText, knownAtText, fromText, atLeastText);
        return answer(asked, replay.stalls(tribunalId, asked.from(), asked.asOf(), asked.knownAt()));
    }

    private Asked asked(String tribunalId, String asOfText, String knownAtText, String fromText,
                        String atLeastText) {
        OptionalLong atLeast;
        try {
            atLeast = LogPositions.atLeast(atLeastText);
        } catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        }
        LocalDate asOf = DateParameters.date("asOf", asOfText);
        Instant knownAt = DateParameters.instant("knownAt", knownAtText);
        LocalDate from = DateParameters.date("from", fromText);
        if (!settings.knows(tribunalId)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown tribunal",
                    "no tribunal with id '" + Problems.abbreviated(tribunalId) + "'; GET /api/tribunals lists them")
                    .worded("unknown-tribunal", Problems.abbreviated(tribunalId));
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate start = from == null ? day.minusYears(1) : from;
        Instant known = knownAt == null ? clock.instant() : knownAt;
        if (start.isAfter(day)) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "from (" + start + ") must not be after asOf (" + day + ")").worded("from-after-as-of",
                    Problems.day(start), Problems.day(day));
        }
        return new Asked(start, day, known, atLeast);
    }

    private ObjectNode answer(Asked asked, CaseloadReplay.Replayed<?> replayed) {
        if (asked.atLeast().isPresent() && replayed.position() < asked.atLeast().getAsLong()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "atLeast "
                    + asked.atLeast().getAsLong() + " is past the newest event of the log (" + replayed.position()
                    + "): send a position Greffe gave you, as an accepted command's " + LogPositions.POSITION
                    + " header").worded("past-the-head", String.valueOf(asked.atLeast().getAsLong()),
                    String.valueOf(replayed.position()));
        }
        ObjectNode body = json.valueToTree(replayed.figures());
        body.put("asOf", asked.asOf().toString());
        body.put("knownAt", asked.knownAt().toString());
        body.put("position", replayed.position());
        body.put("eventsRead", replayed.eventsRead());
        return body;
    }

    /** What a replay was asked for: the flow period, the effective date, the instant, the position to reach. */
    private record Asked(LocalDate from, LocalDate asOf, Instant knownAt, OptionalLong atLeast) {
    }
}
