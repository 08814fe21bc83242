package org.greffe.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.fail;

/**
 * Pages in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), on the demo docket in a
 * database of their own, which every browser test shares (one Spring context): signing in as a demo user, waiting
 * for what a page draws, screenshots in {@code target/browser/}.
 *
 * <p>{@code .ci/run} installs Chromium when it is missing and sets {@code GREFFE_BROWSER_TEST=required}, which makes
 * a missing browser a failure; elsewhere the test is skipped (and reported as skipped) without one.
 */
abstract class BrowserTest extends HttpIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected WebDriver browser;
    protected Path downloads;

    @DynamicPropertySource
    static void ownDatabaseInDemoMode(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "browser", true);
        // The audit desk saves the latest signed head: one is signed seconds after start rather than a minute.
        registry.add("greffe.audit.tree-head-interval", () -> "PT3S");
    }

    @BeforeEach
    void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("greffe-browser-downloads");
        File chromium = new File(System.getenv().getOrDefault("GREFFE_CHROMIUM", "/usr/bin/chromium"));
        File driver = new File(System.getenv().getOrDefault("GREFFE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !driver.canExecute()) {
            String missing = "no " + chromium + " or " + driver + ": apt-get install chromium chromium-driver";
            if ("required".equals(System.getenv("GREFFE_BROWSER_TEST"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en",
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                                                                       .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // Before any page script: every Content-Security-Policy violation is kept for the test to read.
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""));
    }

    /** The page as the test left it, passed or failed: what a failure in CI looked like. */
    @AfterEach
    void stopBrowser(TestInfo test) {
        if (browser != null) {
            try {
                screenshot("last-" + test.getTestClass().map(Class::getSimpleName).orElse("browser") + ".png");
            } catch (IOException | RuntimeException e) {
                // the browser may be gone already; the test's own outcome is what counts
            } finally {
                browser.quit();
            }
        }
    }

    protected void signIn(WebDriverWait wait, String user) {
        wait.until(page -> testId("sign-in-form").isDisplayed());
        testId("sign-in-user").sendKeys(user);
        testId("sign-in-password").sendKeys(user);
        testId("sign-in-submit").click();
    }

    /**
     * Runs the checks until they pass or {@link #PATIENCE} is over: the page draws a view again whenever its figures
     * are fetched again (a live update, a language switch), which makes elements found before stale.
     */
    protected void eventually(Runnable checks) {
        AtomicReference<Throwable> last = new AtomicReference<>();
        try {
            new WebDriverWait(browser, PATIENCE).until(page -> {
                try {
                    checks.run();
                    return true;
                } catch (AssertionError | StaleElementReferenceException | NoSuchElementException e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("not so within " + PATIENCE + ": " + last.get().getMessage(), last.get());
        }
    }

    protected void screenshot(String name) throws IOException {
        Path screenshots = Path.of("target", "browser");
        Files.createDirectories(screenshots);
        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(screenshot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    protected WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    protected static long digits(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
