package org.greffe.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.registry.model.Wording;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.ImportJobNotFound;
import org.greffe.registry.application.docket.DocketImport;
import org.greffe.registry.application.Words;
import org.greffe.registry.application.docket.ImportJob;
import org.greffe.registry.application.docket.ImportJobs;
import org.greffe.registry.application.docket.ImportReport;
import org.greffe.registry.application.docket.ImportSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/**
 * The CSV docket import over HTTP, as a job: the file is checked while it is read, then imported a chunk of rows at
 * a time while the client follows the job; {@code ?wait=true} answers the finished report instead.
 */
@RestController
@Tag(name = "registry", description = "Record what happens to a case")
@RequestMapping(path = "/api/dockets")
class DocketController {

    private static final String EXAMPLE = """
            docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,\
            hearing,hearingKind,reason,verdict,toTribunalId
            RP-2019-0117,bamako-commune-iii,FILED,2019-02-11,2018-11-30,RAPE,1,1,0,0,NON_STATE_ARMED_GROUP,MSA,,,,,
            RP-2019-0117,bamako-commune-iii,HEARING_SCHEDULED,2019-06-04,,,,,,,,,H1,TRIAL,,,
            RP-2019-0117,bamako-commune-iii,HEARING_ADJOURNED,2019-06-04,,,,,,,,,H1,,ACCUSED_ABSENT,,
            """;
    private static final int MAX_PAGE = 1000;

    private final DocketImport docketImport;
    private final ImportJobs jobs;
    private final ClientReferences references;
    private final Words words;

    DocketController(DocketImport docketImport, ImportJobs jobs, ClientReferences references, Words words) {
        this.words = words;
        this.docketImport = docketImport;
        this.jobs = jobs;
        this.references = references;
    }

    @PostMapping(consumes = "text/csv", produces = "application/json")
    @Operation(summary = "Import a CSV docket: one row per case event",
            description = "UTF-8, RFC 4180 quoting, a header row naming the columns (any order), lines starting with "
                    + "# are comments. Each row is decided like the matching request of /api/cases; importing the "
                    + "same rows again records nothing new. The file is checked as it is read; then the import runs "
                    + "as a job (202, follow it at Location) or, with wait=true, to its end (200 and the report).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = EXAMPLE))))
    @ApiResponse(responseCode = "202", description = "the job started; Location names it",
            content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @ApiResponse(responseCode = "200", description = "with wait=true: every row counted; the first rejected rows "
            + "(1,000 by default) listed with line and reason, rejectedTotal counting them all and rejectedTruncated "
            + "saying whether some are not listed",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "400", description = "not UTF-8, not CSV, or the header lacks columns; no job started",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "larger than 200 MB or 2,000,000 rows, whether sent with a "
            + "length or in chunks; no job started",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> importDocket(
            @Parameter(description = "true: answer once the file is imported, with its report")
            @RequestParam(defaultValue = "false") boolean wait, HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > docketImport.maxBytes()) {
            throw new DocketTooLarge("the file is larger than " + docketImport.maxBytes() + " bytes; split it into "
                    + "smaller files (importing them in order gives the same result)",
                    Wording.of("docket.too-many-bytes", docketImport.maxBytes()));
        }
        String user = references.user(CommandRequests.user(http));
        ImportSource source = new ImportSource(user, "import", "upload by " + user);
        if (wait) {
            return ResponseEntity.ok(jobs.run(DocketImport.utf8(http.getInputStream()), source).in(words));
        }
        ImportJob job = jobs.start(DocketImport.utf8(http.getInputStream()), source).in(words);
        return ResponseEntity.accepted().location(URI.create("/api/dockets/" + job.id())).body(job);
    }

    @GetMapping(path = "/{jobId}", produces = "application/json")
    @Operation(summary = "How far a docket import has got",
            description = "Rows done, accepted, already imported and rejected, the rate and the estimated finish. The "
                    + "rejected rows are listed a page at a time by the instance that ran the job (they are never "
                    + "stored: a rejection quotes a cell). A job whose instance stopped is STOPPED: import the same "
                    + "file again, the rows already recorded are skipped.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportJob.class)))
    @ApiResponse(responseCode = "404", description = "no such job",
            content = @Content(mediaType = "application/problem+json"))
    ImportJob job(@PathVariable String jobId,
                  @Parameter(description = "first rejected row listed, from 0") @RequestParam(defaultValue = "0")
                  int offset,
                  @Parameter(description = "most rejected rows listed, up to 1,000")
                  @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw new org.greffe.registry.model.InvalidCommand(offset < 0 ? "offset" : "limit",
                    offset < 0 ? "must be 0 or more" : "must be between 0 and " + MAX_PAGE);
        }
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new ImportJobNotFound(jobId.length() > 40 ? jobId.substring(0, 40) + "..." : jobId);
        }
        return jobs.view(id, offset, limit).orElseThrow(() -> new ImportJobNotFound(id.toString())).in(words);
    }
}
