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
}
