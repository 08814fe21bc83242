package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI description covers every endpoint of the API tour (docs/api.md). */
class OpenApiIntegrationTest extends IntegrationTest {

    @Test
    void describesTheV1WriteAndReferenceEndpoints() {
        Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/cases",
                "/api/cases/{caseId}/hearings",
                "/api/cases/{caseId}/hearings/{hearingId}/adjournment",
                "/api/cases/{caseId}/hearings/{hearingId}/held",
                "/api/cases/{caseId}/judgment",
                "/api/cases/{caseId}/dismissal",
                "/api/cases/{caseId}/withdrawal",
                "/api/cases/{caseId}/transfer",
                "/api/cases/{caseId}/suspension",
                "/api/cases/{caseId}/resumption",
                "/api/cases/{caseId}/reopening",
                "/api/dockets",
                "/api/dockets/{jobId}",
                "/api/tribunals");
        JsonNode fileCase = docs.json().at("/components/schemas/FileCaseRequest/properties");
        assertThat(fileCase.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "docketNumber", "tribunalId", "filedOn", "incidentOn", "offence", "victims", "accused", "accusedGroup");
        assertThat(docs.json().at("/components/schemas/FileCaseRequest/properties/offence/enum").toString())
                .contains("RAPE", "FORCED_MARRIAGE");

        JsonNode filing = docs.json().at("/paths/~1api~1cases/post/responses");
        assertThat(filing.fieldNames()).toIterable().contains("201", "400", "409", "422");
        assertThat(docs.json().at("/components/schemas/CaseCreatedView/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("caseId", "version");
        assertThat(docs.json().at("/paths/~1api~1cases~1{caseId}~1hearings/post/responses/201").toString())
                .contains("HearingCreatedView");

        JsonNode docketImport = docs.json().at("/paths/~1api~1dockets/post");
        assertThat(docketImport.at("/requestBody/content").fieldNames()).toIterable().containsExactly("text/csv");
        assertThat(docketImport.get("responses").fieldNames()).toIterable().contains("200", "400", "413");
        assertThat(docs.json().at("/components/schemas/ImportReport/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("rows", "accepted", "alreadyImported", "rejected", "rejectedTotal",
                        "rejectedTruncated");
    }
}
