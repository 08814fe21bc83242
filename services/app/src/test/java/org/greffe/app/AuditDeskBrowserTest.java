package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit desk as the demo auditor uses it, in English: the log verified and its signed head saved as a file, then
 * verified against that file; a case with an adjourned hearing found by its docket number, its whole history shown
 * with why each thing happened, and exported with its proofs; the caseload of the report's tribunal on the report's
 * day as known before the demo docket was recorded beside the same as known now; the access log filtered to the
 * auditor's own reads; a rebuild followed to its end. Every figure the page shows is checked against the API.
 */
class AuditDeskBrowserTest extends BrowserTest {

    @Test
    void anAuditorVerifiesSavesTheHeadReadsAHistoryComparesWhatWasKnownReadsTheAccessLogAndRebuilds()
            throws IOException {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "auditor");
        wait.until(page -> !page.findElements(By.id("view-title")).isEmpty());
        testId("nav-audit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='verify']")).isEmpty());
        assertThat(testId("nav-audit").getAttribute("aria-current")).isEqualTo("page");

        // The log verifies; its signed head is saved, and the log verified against the saved file.
        testId("verify").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='verdict']")).isEmpty());
        assertThat(testId("verdict").getAttribute("data-ok")).isEqualTo("true");
        assertThat(testId("verdict").getText()).startsWith("Intact");
        awaitUntil("a signed tree head", PATIENCE, () -> get("/api/audit/tree/heads/latest").status() == 200);
        testId("save-head").click();
        Path saved = awaitDownload("greffe-tree-head-");
        JsonNode head = JSON.readTree(Files.readString(saved, StandardCharsets.UTF_8));
        assertThat(head.get("treeSize").asLong()).isPositive();
        assertThat(head.get("signature").asText()).isNotBlank();
        String size = String.format(Locale.ENGLISH, "%,d", head.get("treeSize").asLong());
        assertThat(testId("head-saved").getText()).contains(size);
        testId("against-form").findElement(By.name("head")).sendKeys(saved.toAbsolutePath().toString());
        testId("against-submit").click();
        wait.until(page -> page.findElements(By.cssSelector("#verified dd")).size() == 6);
        assertThat(testId("verdict").getAttribute("data-ok")).isEqualTo("true");
        assertThat(testId("verified").getText()).contains("the log extends the saved head of " + size + " events");
        screenshot("audit-desk.png");

        // A head that Greffe did not sign (its root changed) is not taken for the saved one.
        String root = head.get("rootHash").asText();
        Path forged = downloads.resolve("forged-head.json");
        Files.writeString(forged, Files.readString(saved, StandardCharsets.UTF_8).replace(root,
                (root.charAt(0) == '0' ? "1" : "0") + root.substring(1)), StandardCharsets.UTF_8);
        testId("against-form").findElement(By.name("head")).sendKeys(forged.toAbsolutePath().toString());
        testId("against-submit").click();
        wait.until(page -> "false".equals(testId("verdict").getAttribute("data-ok")));
        assertThat(testId("verified").getText()).contains("NOT shown to extend the saved head: ");

        // A case with an adjourned hearing, found by its docket number: its whole history, with why.
        String caseId = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = 'org.greffe.events.HearingAdjourned' ORDER BY global_index LIMIT 1",
                String.class);
        String docket = get("/api/cases/" + caseId).json().get("docketNumber").asText();
        JsonNode history = get("/api/audit/cases/" + caseId + "/history").json();
        testId("lookup-form").findElement(By.name("docket")).sendKeys(docket);
        testId("lookup-submit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='history-link']")).isEmpty());
        testId("history-link").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='audit-history-row']")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid='audit-history-row']"));
        assertThat(rows).hasSize(history.size());
        for (int i = 0; i < history.size(); i++) {
            JsonNode event = history.get(i);
            String row = rows.get(i).getText();
            assertThat(row).as("row " + i).contains(event.get("recordedBy").asText())
                           .contains(event.get("correlationId").asText());
            if (event.get("type").asText().endsWith("HearingAdjourned")) {
                assertThat(rows.get(i).findElement(By.cssSelector("[data-testid='why']")).getText())
                        .as("the adjournment's reason, in words").isNotBlank()
                        .doesNotContain(event.get("payload").get("reason").asText());
            }
        }
        testId("export").click();
        Path export = awaitDownload("greffe-case-" + caseId);
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8).stream()
                                  .filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(history.size());
        assertThat(JSON.readTree(lines.get(0)).toString()).contains(caseId);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='exported']")).isEmpty());
        screenshot("audit-case.png");

        // The report's tribunal on the report's day, as known before anything was recorded, and as known now.
        testId("nav-audit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='known-form']")).isEmpty());
        WebElement known = testId("known-form");
        new Select(known.findElement(By.name("tribunal"))).selectByValue("bamako-commune-iii");
        value(known.findElement(By.name("asOf")), "2020-06-03");
        value(known.findElement(By.name("knownAt")), "2001-01-01T00:00");
        testId("known-submit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='known-table']")).isEmpty());
        long nowPending = get("/api/audit/caseload/bamako-commune-iii?asOf=2020-06-03").json().get("pending")
                                                                                            .asLong();
        assertThat(nowPending).as("the demo docket's pending cases there").isPositive();
        List<WebElement> pending = browser.findElements(By.cssSelector("[data-figure='pending'] td"));
        assertThat(digits(pending.get(0).getText())).as("known in 2001").isZero();
        assertThat(digits(pending.get(1).getText())).as("known now").isEqualTo(nowPending);
        assertThat(digits(pending.get(2).getText())).as("recorded since").isEqualTo(nowPending);

        // The access log, the auditor's own reads: the history just read is there, answered.
        testId("access-form").findElement(By.name("user")).sendKeys("auditor");
        testId("access-form").findElement(By.name("caseId")).sendKeys(caseId);
        testId("access-submit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='access-row']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("[data-testid='access-row']")))
                .anySatisfy(row -> assertThat(row.getText()).contains("case-history").contains("200"));
        JsonNode logged = get("/api/audit/access?user=auditor&caseId=" + caseId).json().get("entries");
        assertThat(logged.size()).as("the auditor's reads of the case, the desk's included").isGreaterThanOrEqualTo(2);

        // A rebuild, followed to its end.
        testId("rebuild-open").click();
        testId("rebuild").click();
        eventually(() -> assertThat(testId("rebuild-state").getAttribute("data-state")).isEqualTo("DONE"));
        assertThat(get("/api/audit/rebuild").json().get("state").asText()).isEqualTo("DONE");
        screenshot("audit-desk-rebuilt.png");
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.cspViolations"))
                .as("the audit desk needs nothing its Content-Security-Policy forbids").isEmpty();
    }

    private void value(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    /** The file the browser saved whose name starts with the prefix, once it is complete. */
    private Path awaitDownload(String prefix) {
        Path[] found = new Path[1];
        awaitUntil("a downloaded " + prefix + "…", PATIENCE, () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                found[0] = files.filter(file -> file.getFileName().toString().startsWith(prefix)
                        && !file.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }
}
