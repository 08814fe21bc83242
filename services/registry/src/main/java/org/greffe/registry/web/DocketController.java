package org.greffe.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.docket.DocketImport;
import org.greffe.registry.application.docket.ImportReport;
import org.greffe.registry.application.docket.ImportSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The CSV docket import over HTTP. Rows are applied one by one, each in its own transaction: the answer says which
 * were recorded, which an earlier import had already recorded, and why each other one was refused.
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

    private final DocketImport docketImport;
    private final ClientReferences references;

    DocketController(DocketImport docketImport, ClientReferences references) {
        this.docketImport = docketImport;
        this.references = references;
    }

    @PostMapping(consumes = "text/csv", produces = "application/json")
    @Operation(summary = "Import a CSV docket: one row per case event",
            description = "UTF-8, RFC 4180 quoting, a header row naming the columns (any order), lines starting with "
                    + "# are comments. Each row is applied like the matching request of /api/cases; importing the "
                    + "same rows again records nothing new.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "every row counted; the first rejected rows (1,000 by default) "
            + "listed with line and reason, rejectedTotal counting them all and rejectedTruncated saying whether some "
            + "are not listed",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "400", description = "not UTF-8, not CSV, or the header lacks columns",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "larger than 50 MB or 1,000,000 rows, whether sent with a "
            + "length or in chunks",
            content = @Content(mediaType = "application/problem+json"))
    ImportReport importDocket(HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > docketImport.maxBytes()) {
            throw new DocketTooLarge("the file is larger than " + docketImport.maxBytes() + " bytes; split it into "
                    + "smaller files (importing them in order gives the same result)");
        }
        String user = references.user(CommandRequests.user(http));
        return docketImport.importCsv(DocketImport.utf8(http.getInputStream()),
                new ImportSource(user, "import", "upload by " + user));
    }
}
