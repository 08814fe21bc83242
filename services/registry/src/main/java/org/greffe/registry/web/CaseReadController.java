package org.greffe.registry.web;

import org.greffe.registry.model.Wording;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.platform.access.RecordedAccess;
import org.greffe.registry.application.CaseFiles;
import org.greffe.registry.application.CaseNotFound;
import org.greffe.registry.model.CaseFile;
import org.greffe.registry.model.InvalidCommand;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's case reads, for clerks and auditors: a case's current state, and the exact look-up of a docket
 * number. Every call is in the access log. Nothing else about a case can be searched for.
 */
@RestController
@Tag(name = "registry")
@ApiResponse(responseCode = "400", description = "invalid identifier, or a parameter other than docketNumber and "
        + "tribunalId", content = @Content(mediaType = "application/problem+json"))
@RequestMapping(path = "/api/cases", produces = "application/json")
class CaseReadController {

    private static final Set<String> LOOK_UP = Set.of("docketNumber", "tribunalId");
    private static final int MAX_DOCKET_NUMBER = 64;

    private final CaseFiles files;

    CaseReadController(CaseFiles files) {
        this.files = files;
    }

    @RecordedAccess("case")
    @GetMapping("/{caseId}")
    @Operation(summary = "A case's current state: tribunal, status, hearings, what may be recorded next; ETag is its "
            + "version, for If-Match")
    @ApiResponse(responseCode = "404", description = "no such case",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CaseFile.View> read(@PathVariable String caseId) {
        CaseId id;
        try {
            id = new CaseId(caseId);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("caseId", e.getMessage(), Wording.of("value.invalid", "caseId"));
        }
        CaseFile.View view = files.of(id).orElseThrow(() -> new CaseNotFound(caseId));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").cacheControl(CacheControl.noStore())
                             .body(view);
    }

    @RecordedAccess("case-lookup")
    @GetMapping
    @Operation(summary = "The cases filed under a docket number (exact, case and surrounding spaces aside), at one "
            + "tribunal or at every tribunal")
    ResponseEntity<List<DocketMatch>> find(@RequestParam Map<String, String> parameters) {
        for (String parameter : parameters.keySet()) {
            if (!LOOK_UP.contains(parameter)) {
                throw new InvalidCommand(parameter, "cases are looked up by docketNumber (and tribunalId) only",
                        Wording.of("lookup.only-docket-number"));
            }
        }
        String docketNumber = parameters.get("docketNumber");
        if (docketNumber == null || docketNumber.isBlank() || docketNumber.strip().length() > MAX_DOCKET_NUMBER) {
            throw new InvalidCommand("docketNumber", "give the docket number to look up, 1 to " + MAX_DOCKET_NUMBER
                    + " characters, e.g. RG-2019-0042", Wording.of("lookup.docket-number", MAX_DOCKET_NUMBER));
        }
        Optional<TribunalId> tribunalId;
        try {
            tribunalId = Optional.ofNullable(parameters.get("tribunalId")).filter(value -> !value.isBlank())
                                 .map(TribunalId::new);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("tribunalId", e.getMessage(), Wording.of("value.invalid", "tribunalId"));
        }
        List<DocketMatch> matches = files.byDocketNumber(docketNumber, tribunalId).stream()
                                         .map(holder -> new DocketMatch(holder.caseId().value(),
                                                 holder.tribunalId().value(), holder.docketNumber(),
                                                 "/api/cases/" + holder.caseId().value()))
                                         .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(matches);
    }

    /**
     * A case filed under the docket number looked up.
     *
     * @param caseId       the case
     * @param tribunalId   the tribunal it was filed at
     * @param docketNumber the number as filed
     * @param href         where to read the case
     */
    record DocketMatch(String caseId, String tribunalId, String docketNumber, String href) {
    }
}
