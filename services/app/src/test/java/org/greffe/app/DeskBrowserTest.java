package org.greffe.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry desk as a clerk in Bamako uses it, in French: a filing refused with the reason next to the docket
 * number, then filed; a hearing scheduled and adjourned on the case's page, each recorded with the version the clerk
 * saw; the case found again by its docket number; a docket file saved with semicolons imported, its progress followed
 * to the end and its refused row listed. Every state shown is checked against the API.
 */
class DeskBrowserTest extends BrowserTest {

    @Test
    void aClerkFilesACaseSchedulesAndAdjournsAHearingFindsItAndImportsASemicolonDocketInFrench()
            throws IOException {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "clerk");
        wait.until(page -> !page.findElements(By.id("view-title")).isEmpty());
        testId("lang-switch").click();
        wait.until(page -> "fr".equals(page.findElement(By.tagName("html")).getAttribute("lang")));
        testId("nav-desk").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='file-form']")).isEmpty());
        assertThat(testId("nav-desk").getAttribute("aria-current")).isEqualTo("page");

        // A name typed as the docket number is refused, next to that field, in French.
        String docket = "RG-2019-" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        WebElement form = testId("file-form");
        form.findElement(By.name("docketNumber")).sendKeys("Aminata Traore");
        new Select(form.findElement(By.name("tribunalId"))).selectByValue("kati");
        date(form.findElement(By.name("filedOn")), "2019-03-14");
        new Select(form.findElement(By.name("offence"))).selectByValue("RAPE");
        form.findElement(By.name("victims.girls")).clear();
        form.findElement(By.name("victims.girls")).sendKeys("2");
        new Select(form.findElement(By.name("accused"))).selectByValue("UNIDENTIFIED");
        testId("file-submit").click();
        wait.until(page -> !testId("error-file-docketNumber").getText().isEmpty());
        assertThat(testId("error-file-docketNumber").getText())
                .startsWith("doit être un numéro de rôle comme RG-2019-0042");
        assertThat(form.findElement(By.name("docketNumber")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(storedDocketNumbers("AMINATA TRAORE")).as("nothing of a refused filing is kept").isZero();
        screenshot("desk-refusal-fr.png");

        form.findElement(By.name("docketNumber")).clear();
        form.findElement(By.name("docketNumber")).sendKeys(docket);
        testId("file-submit").click();
        wait.until(page -> page.getCurrentUrl().contains("#/desk/case/"));
        String caseId = browser.getCurrentUrl().replaceAll(".*#/desk/case/", "");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='case-facts']")).isEmpty());
        assertThat(testId("fact-deskStatus").getText()).isEqualTo("En cours");
        assertThat(testId("fact-filedOn").getText()).isEqualTo("14 mars 2019");
        assertThat(get("/api/cases/" + caseId).json().get("docketNumber").asText()).isEqualTo(docket);

        // The page keeps the position of the clerk's write, and the figures it shows next include it.
        long filedAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0", Long.class, caseId);
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('greffe.authorization.written')")).isEqualTo(String.valueOf(filedAt));
        browser.get("http://localhost:" + port + "/#/tribunal/kati");
        // The view is drawn again whenever the log moves (a live page): read what it says until it holds still.
        eventually(() -> {
            String asOf = testId("as-of").getText();
            Matcher shown = Pattern.compile("position (\\d+)").matcher(asOf);
            assertThat(shown.find()).as(asOf).isTrue();
            assertThat(Long.parseLong(shown.group(1))).as("the figures shown stand at or after the filing")
                                                      .isGreaterThanOrEqualTo(filedAt);
        });
        browser.get("http://localhost:" + port + "/#/desk/case/" + caseId);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='case-facts']")).isEmpty());

        // A trial hearing, scheduled then adjourned for a missing witness.
        testId("action-hearings").click();
        WebElement schedule = testId("form-hearings");
        new Select(schedule.findElement(By.name("kind"))).selectByValue("TRIAL");
        date(schedule.findElement(By.name("date")), "2019-10-02");
        testId("submit-hearings").click();
        wait.until(page -> "Enregistré.".equals(testId("case-said").getText())
                && !page.findElements(By.cssSelector("[data-testid='hearing']")).isEmpty());
        assertThat(testId("hearing-state").getText()).isEqualTo("Prévue");

        testId("action-adjournment").click();
        WebElement adjourn = testId("form-adjournment");
        date(adjourn.findElement(By.name("on")), "2019-10-02");
        new Select(adjourn.findElement(By.name("reason"))).selectByValue("WITNESS_ABSENT");
        testId("submit-adjournment").click();
        wait.until(page -> "Renvoyée".equals(testId("hearing-state").getText()));
        assertThat(browser.findElements(By.cssSelector("[data-testid='history-row']"))).hasSize(3);
        var state = get("/api/cases/" + caseId).json();
        assertThat(state.get("version").asLong()).isEqualTo(2);
        assertThat(state.get("hearings").get(0).get("state").asText()).isEqualTo("ADJOURNED");
        assertThat(state.get("hearings").get(0).get("reason").asText()).isEqualTo("WITNESS_ABSENT");
        screenshot("desk-case-fr.png");

        // Found again by its docket number, typed as a clerk might.
        testId("nav-desk").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='find-form']")).isEmpty());
        testId("find-form").findElement(By.name("docketNumber")).sendKeys(" " + docket.toLowerCase() + " ");
        testId("find-submit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='found-case']")).isEmpty());
        testId("found-case").click();
        wait.until(page -> page.getCurrentUrl().endsWith("#/desk/case/" + caseId));

        // A docket saved by a French spreadsheet: semicolons; one good row, one refused.
        String imported = "RG-2019-" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        Path csv = Files.createTempFile("docket-", ".csv");
        Files.writeString(csv, String.join(";", "docketNumber", "tribunalId", "event", "date", "incidentOn",
                "offence", "women", "girls", "men", "boys", "accused", "accusedGroup", "hearing", "hearingKind",
                "reason", "verdict", "toTribunalId") + "\n"
                + imported + ";kati;FILED;2019-04-01;;RAPE;1;0;0;0;UNIDENTIFIED;;;;;;\n"
                + imported + ";kati;WITHDRAWN;2019-03-01;;;;;;;;;;;;;\n", StandardCharsets.UTF_8);
        browser.get("http://localhost:" + port + "/#/desk/import");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='upload-form']")).isEmpty());
        testId("upload-form").findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
        testId("upload-submit").click();
        wait.until(page -> "DONE".equals(testId("job-state").getAttribute("data-state")));
        assertThat(testId("job-counts").getText())
                .isEqualTo("enregistrées : 1 ; déjà importées : 0 ; refusées : 1.");
        List<WebElement> refused = testId("rejected").findElements(By.cssSelector("tbody tr"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).findElement(By.tagName("td")).getText()).as("the refused row's line").isEqualTo("3");
        assertThat(get("/api/cases?docketNumber=" + imported).json()).hasSize(1);
        screenshot("desk-import-fr.png");
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.cspViolations"))
                .as("the desk needs nothing its Content-Security-Policy forbids").isEmpty();
    }

    private void date(WebElement input, String iso) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, iso);
    }

    private long storedDocketNumbers(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM registry_docket_number WHERE docket_key = ?", Long.class, key);
    }
}
