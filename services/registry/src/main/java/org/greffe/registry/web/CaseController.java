package org.greffe.registry.web;

import org.greffe.registry.model.Wording;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.registry.model.AdjournHearing;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.DismissCase;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.HoldHearing;
import org.greffe.registry.model.InvalidCommand;
import org.greffe.registry.model.IssueJudgment;
import org.greffe.registry.model.ReopenCase;
import org.greffe.registry.model.ResumeCase;
import org.greffe.registry.model.ScheduleHearing;
import org.greffe.registry.model.SuspendCase;
import org.greffe.registry.model.TransferCase;
import org.greffe.registry.model.WithdrawCase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Supplier;

/**
 * The registry's write endpoints. Each accepted request appends exactly one event and answers the case's new
 * version as {@code ETag}; sending it back as {@code If-Match} refuses the command if the case changed meanwhile.
 */
@RestController
@Tag(name = "registry", description = "Record what happens to a case")
@ApiResponse(responseCode = "400", description = "malformed or invalid request; each field listed",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "unknown case or hearing",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "a rule of the case lifecycle is broken, or the case changed",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "422", description = "unknown tribunal or armed group; Idempotency-Key reused",
        content = @Content(mediaType = "application/problem+json"))
@RequestMapping(path = "/api/cases", consumes = "application/json", produces = "application/json")
class CaseController {

    private final CommandRequests requests;

    CaseController(CommandRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "File a new case at a tribunal")
    @ApiResponse(responseCode = "201", description = "recorded; ETag is the case's new version",
            content = @Content(schema = @Schema(implementation = CaseCreatedView.class)))
    ResponseEntity<CaseCreatedView> file(@Valid @RequestBody FileCaseRequest body, HttpServletRequest http) {
        CaseId caseId = CaseId.random();
        var command = new FileCase(caseId, body.docketNumber(), tribunal("tribunalId", body.tribunalId()),
                body.filedOn(), body.incidentOn(), body.offence(), victims(body.victims()), body.accused(),
                body.accusedGroup());
        CommandAnswer answer = requests.execute(http, body, command);
        return answer.created("/api/cases/" + answer.result().caseId(), new CaseCreatedView(answer.result()));
    }

    @PostMapping("/{caseId}/hearings")
    @Operation(summary = "Schedule a hearing (a future date is allowed)")
    @ApiResponse(responseCode = "201", description = "recorded; ETag is the case's new version",
            content = @Content(schema = @Schema(implementation = HearingCreatedView.class)))
    ResponseEntity<HearingCreatedView> schedule(@PathVariable String caseId,
                                                @Valid @RequestBody ScheduleHearingRequest body,
                                                HttpServletRequest http) {
        CaseId id = caseId(caseId);
        HearingId hearingId = HearingId.random();
        var command = new ScheduleHearing(id, hearingId, body.kind(), body.date(),
                CommandRequests.expectedVersion(http));
        CommandAnswer answer = requests.execute(http, body, command);
        return answer.created("/api/cases/" + answer.result().caseId() + "/hearings/" + answer.result().hearingId(),
                new HearingCreatedView(answer.result()));
    }

    @PostMapping("/{caseId}/hearings/{hearingId}/adjournment")
    @Operation(summary = "Record that a scheduled hearing was adjourned")
    @RecordedResponse
    ResponseEntity<CaseVersionView> adjourn(@PathVariable String caseId, @PathVariable String hearingId,
                                            @Valid @RequestBody AdjournmentRequest body,
                                            HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new AdjournHearing(id, hearingId(hearingId), body.on(), body.reason(),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/hearings/{hearingId}/held")
    @Operation(summary = "Record that a scheduled hearing was held")
    @RecordedResponse
    ResponseEntity<CaseVersionView> hold(@PathVariable String caseId, @PathVariable String hearingId,
                                         @Valid @RequestBody DatedRequest body, HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new HoldHearing(id, hearingId(hearingId), body.on(),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/judgment")
    @Operation(summary = "Record the judgment; needs a held TRIAL hearing")
    @RecordedResponse
    ResponseEntity<CaseVersionView> judge(@PathVariable String caseId, @Valid @RequestBody JudgmentRequest body,
                                          HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new IssueJudgment(id, body.on(), body.verdict(),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/dismissal")
    @Operation(summary = "Record a dismissal")
    @RecordedResponse
    ResponseEntity<CaseVersionView> dismiss(@PathVariable String caseId,
                                            @Valid @RequestBody DismissalRequest body, HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new DismissCase(id, body.on(), body.reason(),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/withdrawal")
    @Operation(summary = "Record a withdrawal")
    @RecordedResponse
    ResponseEntity<CaseVersionView> withdraw(@PathVariable String caseId, @Valid @RequestBody DatedRequest body,
                                             HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new WithdrawCase(id, body.on(), CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/transfer")
    @Operation(summary = "Transfer the case to another tribunal")
    @RecordedResponse
    ResponseEntity<CaseVersionView> transfer(@PathVariable String caseId,
                                             @Valid @RequestBody TransferRequest body, HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new TransferCase(id, body.on(), tribunal("toTribunalId", body.toTribunalId()),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/suspension")
    @Operation(summary = "Suspend an active case")
    @RecordedResponse
    ResponseEntity<CaseVersionView> suspend(@PathVariable String caseId,
                                            @Valid @RequestBody SuspensionRequest body, HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new SuspendCase(id, body.on(), body.reason(),
                CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/resumption")
    @Operation(summary = "Resume a suspended case")
    @RecordedResponse
    ResponseEntity<CaseVersionView> resume(@PathVariable String caseId, @Valid @RequestBody DatedRequest body,
                                           HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new ResumeCase(id, body.on(), CommandRequests.expectedVersion(http)));
    }

    @PostMapping("/{caseId}/reopening")
    @Operation(summary = "Reopen a disposed case")
    @RecordedResponse
    ResponseEntity<CaseVersionView> reopen(@PathVariable String caseId,
                                           @Valid @RequestBody ReopeningRequest body, HttpServletRequest http) {
        CaseId id = caseId(caseId);
        return accepted(http, body, new ReopenCase(id, body.on(), body.reason(),
                CommandRequests.expectedVersion(http)));
    }

    private ResponseEntity<CaseVersionView> accepted(HttpServletRequest http, Object body, CaseCommand command) {
        return requests.execute(http, body, command).recorded();
    }

    private static CaseId caseId(String value) {
        return valid("caseId", () -> new CaseId(value));
    }

    private static HearingId hearingId(String value) {
        return valid("hearingId", () -> new HearingId(value));
    }

    private static TribunalId tribunal(String field, String value) {
        return valid(field, () -> new TribunalId(value));
    }

    private static Victims victims(VictimsRequest victims) {
        return valid("victims", () -> new Victims(victims.women(), victims.girls(), victims.men(), victims.boys()));
    }

    private static <T> T valid(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand(field, e.getMessage(), Wording.of("value.invalid", field));
        }
    }
}
