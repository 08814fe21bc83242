package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every page of Greffe, as each of its users reaches it, checked with axe-core (vendored in the test resources, run
 * in the page by the test: the page never loads it, nothing comes from outside): no violation of impact
 * {@code serious} or {@code critical}. The sign-in page, the overview and a tribunal (the advocate's, in French and in
 * English), the registry desk, a case and the import page (the clerk's), the audit desk and a case's history (the
 * auditor's). Each page's full axe report is kept in {@code target/browser/axe-*.json}.
 */
class AccessibilityBrowserTest extends BrowserTest {

    /** The SHA-256 of the vendored axe.min.js (4.14.1): a file changed by anything but an upgrade fails the check. */
    private static final String AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c";

    @Test
    void noPageHasASeriousAccessibilityViolation() throws Exception {
        String axe = vendoredAxe();
        awaitProjection();
        awaitRelease(basic("advocate", "advocate"));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        List<String> checked = new ArrayList<>();

        browser.get("http://localhost:" + port + "/");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='sign-in-form']")).isEmpty());
        // The check itself, shown to fail: an image with no text alternative is a critical violation it reports.
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("const img = document.createElement('img'); img.id = 'no-alt'; img.src = 'data:,';"
                + "document.getElementById('app').appendChild(img);");
        assertThatThrownBy(() -> check(axe, "control-image-without-alt")).isInstanceOf(AssertionError.class)
                                                                         .hasMessageContaining("critical image-alt");
        script.executeScript("document.getElementById('no-alt').remove();");
        checked.add(check(axe, "sign-in"));

        signIn(wait, "advocate");
        By row = By.cssSelector("[data-testid='tribunal-row-bamako-commune-iii']");
        wait.until(page -> !page.findElements(row).isEmpty());
        checked.add(check(axe, "overview-en"));
        testId("tribunal-link-bamako-commune-iii").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='key-figures']")).isEmpty()
                && !page.findElements(By.cssSelector("[data-testid='forecast-chart']")).isEmpty());
        checked.add(check(axe, "tribunal-en"));
        testId("lang-switch").click();
        wait.until(page -> "fr".equals(page.findElement(By.tagName("html")).getAttribute("lang"))
                && !page.findElements(By.cssSelector("[data-testid='key-figures']")).isEmpty());
        checked.add(check(axe, "tribunal-fr"));
        testId("back-link").click();
        wait.until(page -> !page.findElements(row).isEmpty());
        checked.add(check(axe, "overview-fr"));
        testId("lang-switch").click();
        wait.until(page -> "en".equals(page.findElement(By.tagName("html")).getAttribute("lang")));

        testId("sign-out").click();
        signIn(wait, "clerk");
        wait.until(page -> !page.findElements(By.id("view-title")).isEmpty());
        testId("nav-desk").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='file-form']")).isEmpty());
        checked.add(check(axe, "registry-desk"));
        String caseId = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = 'org.greffe.events.HearingScheduled' ORDER BY global_index DESC LIMIT 1",
                String.class);
        browser.get("http://localhost:" + port + "/#/desk/case/" + caseId);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='case-facts']")).isEmpty());
        checked.add(check(axe, "registry-case"));
        browser.get("http://localhost:" + port + "/#/desk/import");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='upload-form']")).isEmpty());
        checked.add(check(axe, "registry-import"));

        testId("sign-out").click();
        signIn(wait, "auditor");
        wait.until(page -> !page.findElements(By.id("view-title")).isEmpty());
        testId("nav-audit").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='verify']")).isEmpty());
        testId("verify").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='verdict']")).isEmpty());
        checked.add(check(axe, "audit-desk"));
        browser.get("http://localhost:" + port + "/#/audit/case/" + caseId);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='audit-history-row']")).isEmpty());
        checked.add(check(axe, "audit-case"));

        assertThat(checked).hasSize(10);
    }

    /** Runs axe on the page as it stands; fails on any serious or critical violation, naming each. */
    private String check(String axe, String name) throws IOException {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(axe);
        String report = (String) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then((result) => done(JSON.stringify({ violations: result.violations,
                                                           passes: result.passes.length })))
                   .catch((error) => done(JSON.stringify({ error: String(error) })));""");
        Path out = Path.of("target", "browser");
        Files.createDirectories(out);
        Files.writeString(out.resolve("axe-" + name + ".json"), report, StandardCharsets.UTF_8);
        JsonNode result = JSON.readTree(report);
        assertThat(result.has("error")).as(name + ": axe ran (" + report + ")").isFalse();
        assertThat(result.get("passes").asInt()).as(name + ": axe checked something").isPositive();
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : result.get("violations")) {
            String impact = violation.get("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> where = new ArrayList<>();
                violation.get("nodes").forEach(node -> where.add(node.get("target").toString()));
                serious.add(impact + " " + violation.get("id").asText() + ": " + violation.get("help").asText()
                        + " at " + where);
            }
        }
        assertThat(serious).as(name + ": serious or critical accessibility violations").isEmpty();
        return name;
    }

    private static String vendoredAxe() throws IOException, NoSuchAlgorithmException {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe/axe.min.js in the test resources").isNotNull();
            byte[] bytes = in.readAllBytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as("the vendored axe-core is the one its README names").isEqualTo(AXE_SHA256);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
