package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals in the reader's language: French when Accept-Language prefers it, English otherwise (absent, English, or a
 * language Greffe does not speak); the codes a client acts on (status, type, rule, field) never change with it.
 */
class LanguageIntegrationTest extends IntegrationTest {

    /** Its figures are counted by no test sharing the database (CaseReadIntegrationTest files there too). */
    private static final String TRIBUNAL = "pole-judiciaire-specialise";
    private static final String[] FRENCH = {"Accept-Language", "fr-ML,fr;q=0.9,en;q=0.5"};

    @Test
    void aBrokenRuleIsExplainedInFrenchWithItsCodeUnchanged() {
        String caseId = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2019-03-14")).json().get("caseId")
                .asText();

        Response french = post("/api/cases/" + caseId + "/judgment",
                "{\"on\":\"2019-12-05\",\"verdict\":\"CONVICTION\"}", FRENCH);
        assertThat(french.status()).isEqualTo(409);
        JsonNode problem = french.json();
        assertThat(problem.get("rule").asText()).isEqualTo("JUDGMENT_WITHOUT_TRIAL");
        assertThat(problem.get("type").asText()).isEqualTo("urn:greffe:problem:rule-violated");
        assertThat(problem.get("title").asText()).isEqualTo("Une règle de la vie du dossier n'est pas respectée");
        assertThat(problem.get("detail").asText()).isEqualTo("un jugement demande une audience de jugement (TRIAL) "
                + "tenue : le dossier " + caseId + " n'a pas d'audience de jugement (TRIAL) tenue au tribunal "
                + TRIBUNAL);

        Response english = post("/api/cases/" + caseId + "/judgment",
                "{\"on\":\"2019-12-05\",\"verdict\":\"CONVICTION\"}");
        assertThat(english.json().get("title").asText()).isEqualTo("A rule of the case lifecycle was broken");
        assertThat(english.json().get("detail").asText()).startsWith("a judgment needs a held TRIAL hearing: case ");
        assertThat(post("/api/cases/" + caseId + "/judgment", "{\"on\":\"2019-12-05\",\"verdict\":\"CONVICTION\"}",
                "Accept-Language", "de-DE").json().get("title").asText())
                .as("a language Greffe does not speak gets English")
                .isEqualTo("A rule of the case lifecycle was broken");
    }

    @Test
    void datesInAFrenchRefusalAreWrittenAsFrenchReadersWriteThem() {
        String caseId = post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2019-03-14")).json().get("caseId")
                .asText();
        LocalDate tomorrow = LocalDate.now().plusDays(1);

        Response refused = post("/api/cases/" + caseId + "/suspension",
                "{\"on\":\"" + tomorrow + "\",\"reason\":\"ACCUSED_AT_LARGE\"}", FRENCH);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asText()).isEqualTo("DATE_IN_FUTURE");
        assertThat(refused.json().get("detail").asText()).contains("pour la suspension, la date du "
                + tomorrow.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " est après aujourd'hui");
    }

    @Test
    void fieldErrorsAreInFrenchNextToTheirFieldsWhetherTheRegistryOrTheValidatorWroteThem() {
        Response refused = post("/api/cases", """
                {"docketNumber":"Aminata Traore","tribunalId":"%s","offence":"RAPE",
                 "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}""".formatted(TRIBUNAL),
                FRENCH);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("title").asText()).isEqualTo("Demande non valide");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("filedOn");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("ne doit pas être nul");

        Response format = post("/api/cases", fileCaseJson("Aminata Traore", TRIBUNAL, "2019-03-14"), FRENCH);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("errors").get(0).get("field").asText()).isEqualTo("docketNumber");
        assertThat(format.json().get("errors").get(0).get("message").asText())
                .startsWith("doit être un numéro de rôle comme RG-2019-0042 ou RG/2019/42");

        Response unknown = post("/api/cases", fileCaseJson(newDocket(), "atlantis", "2019-03-14"), FRENCH);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("message").asText())
                .isEqualTo("tribunal inconnu « atlantis »");

        Response malformed = post("/api/cases", "{\"offence\":\"THEFT\"}", FRENCH);
        assertThat(malformed.json().get("errors").get(0).get("message").asText())
                .startsWith("doit être l'une des valeurs [RAPE, ").endsWith(" (reçu « THEFT »)");
    }

    /**
     * A docket file's refused rows, read by a French clerk: each reason in French, column names and codes as the file
     * writes them; the same job read in English says them in English.
     */
    @Test
    void theRowsADocketImportRefusedAreExplainedInTheReadersLanguage() {
        String docket = newDocket();
        String csv = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,"
                + "hearing,hearingKind,reason,verdict,toTribunalId\n"
                + docket + "," + TRIBUNAL + ",FILED,2019-03-14,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n"
                + docket + "," + TRIBUNAL + ",HEARING_ADJOURNED,2019-04-01,,,,,,,,,H7,,SECURITY,,\n"
                + docket + "," + TRIBUNAL + ",WITHDRAWN,2019-02-01,,,,,,,,,,,,,\n"
                + newDocket() + "," + TRIBUNAL + ",FILED,14/03/2019,,THEFT,1,0,0,0,UNIDENTIFIED,,,,,,\n"
                + docket + "," + TRIBUNAL + ",WITHDRAWN,2019-05-01\n";
        Response started = send(java.net.http.HttpRequest.newBuilder(uri("/api/dockets"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)),
                FRENCH);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String job = "/api/dockets/" + started.json().get("id").asText();
        awaitUntil("the import's end", java.time.Duration.ofSeconds(30),
                () -> !get(job).json().get("state").asText().equals("RUNNING"));
        JsonNode french = get(job, FRENCH).json().get("rejected");
        assertThat(french.findValuesAsText("line")).containsExactly("3", "4", "5", "6");
        assertThat(french.get(0).get("error").asText()).isEqualTo("hearing : le dossier " + docket + " au tribunal "
                + TRIBUNAL + " n'a pas d'audience « H7 » ; prévoyez-la d'abord par une ligne HEARING_SCHEDULED");
        assertThat(french.get(1).get("error").asText()).startsWith("DATE_BEFORE_FILING : aucune date d'effet avant la "
                + "date d'enregistrement du dossier");
        assertThat(french.get(2).get("error").asText()).isEqualTo("date : doit être une date écrite AAAA-MM-JJ "
                + "(reçu « 14/03/2019 »); offence : doit être l'une des valeurs [RAPE, SEXUAL_SLAVERY, "
                + "FORCED_MARRIAGE, FORCED_PREGNANCY, SEXUAL_MUTILATION, FORCED_PROSTITUTION, OTHER_SEXUAL_VIOLENCE] "
                + "(reçu « THEFT »)");
        assertThat(french.get(3).get("error").asText())
                .isEqualTo("la ligne a 4 valeurs alors que l'en-tête a 17 colonnes");
        JsonNode english = get(job, "Accept-Language", "en").json().get("rejected");
        assertThat(english.get(3).get("error").asText())
                .isEqualTo("the row has 4 values where the header has 17 columns");
        assertThat(english.get(2).get("error").asText()).contains("date: must be a date as YYYY-MM-DD (got "
                + "'14/03/2019')");
    }

    /** The caseload's and the audit's refusals in French too: titles by type, details by code, codes unchanged. */
    @Test
    void theCaseloadAndTheAuditRefuseInFrenchForAFrenchReader() {
        Response unknown = get("/api/caseload/atlantis", FRENCH);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:greffe:problem:not-found");
        assertThat(unknown.json().get("title").asText()).isEqualTo("Introuvable");
        assertThat(unknown.json().get("detail").asText())
                .isEqualTo("aucun tribunal d'identifiant « atlantis » ; GET /api/tribunals les liste");
        assertThat(get("/api/caseload/atlantis").json().get("detail").asText())
                .isEqualTo("no tribunal with id 'atlantis'; GET /api/tribunals lists them");

        Response reversed = get("/api/caseload/kidal?from=2020-01-02&to=2020-01-01", FRENCH);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("title").asText()).isEqualTo("Demande non valide");
        assertThat(reversed.json().get("detail").asText())
                .isEqualTo("from (02/01/2020) ne doit pas être après to (01/01/2020)");

        Response badDay = get("/api/audit/caseload/kidal?asOf=2020-13-01", FRENCH);
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().get("detail").asText()).isEqualTo("asOf doit être une date AAAA-MM-JJ du 1960-01-01 "
                + "au 2100-12-31 (reçu « 2020-13-01 »)");
        Response noCase = get("/api/audit/cases/no-such-case-42/history", FRENCH);
        assertThat(noCase.status()).isEqualTo(404);
        assertThat(noCase.json().get("detail").asText()).isEqualTo("aucun dossier d'identifiant no-such-case-42");
        assertThat(get("/api/audit/cases/no-such-case-42/history").json().get("detail").asText())
                .isEqualTo("no case with id no-such-case-42");
    }
}
