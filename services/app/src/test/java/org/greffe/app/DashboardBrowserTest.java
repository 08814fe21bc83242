package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), on the demo
 * docket in a database of its own: signed in as the demo advocate, it shows for {@code bamako-commune-iii} the
 * released figures the API gives an advocate and names the release, switches language, draws the tribunal's page with
 * its charts and breakdowns (suppressed cells as the API suppresses them), and downloads the figures shown as CSV;
 * signed in as the demo clerk, it shows exact figures and follows a new case without a reload, which the advocate's
 * figures do not; figures read for the clerk just before signing out are never drawn for the advocate who signs in
 * next; the tribunal's forecast panel draws what the API forecasts for the scenario set, for the clerk and for the
 * advocate. Screenshots are saved in {@code target/browser/}.
 *
  * <p>The browser and the demo database it shares with the desks' test: {@link BrowserTest}.
 */
class DashboardBrowserTest extends BrowserTest {

    private static final String TRIBUNAL = "bamako-commune-iii";
    /** The page needs nothing its policy forbids, and a script injected into it does not run. */
    @Test
    void thePageKeepsToItsContentSecurityPolicyAndAnInjectedScriptDoesNotRun() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "advocate");
        By row = By.cssSelector("[data-testid='tribunal-row-" + TRIBUNAL + "']");
        wait.until(page -> !page.findElements(row).isEmpty());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertThat((List<?>) page.executeScript("return window.cspViolations")).as("violations by the page").isEmpty();

        page.executeScript("""
                const injected = document.createElement('script');
                injected.textContent = 'window.injectedRan = true';
                document.body.appendChild(injected);
                const image = document.createElement('img');
                image.setAttribute('src', 'x');
                image.setAttribute('onerror', 'window.injectedRan = true');
                document.body.appendChild(image);""");
        wait.until(ignored -> ((List<?>) page.executeScript("return window.cspViolations")).size() >= 2);
        assertThat(page.executeScript("return window.injectedRan === true")).isEqualTo(false);
        assertThat((List<?>) page.executeScript("return window.cspViolations")).allSatisfy(violation ->
                assertThat(violation.toString()).startsWith("script-src"));
    }

    @Test
    void theAdvocateSeesTheReleasedFiguresInEitherLanguageAndAClerkSeesANewCaseWithoutReloading()
            throws IOException {
        String[] advocate = basic("advocate", "advocate");
        awaitProjection();
        awaitRelease(advocate);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "advocate");

        By row = By.cssSelector("[data-testid='tribunal-row-" + TRIBUNAL + "']");
        wait.until(page -> !page.findElements(row).isEmpty()
                && !cell(page.findElement(row), "pending").isBlank());
        String from = testId("period-from").getAttribute("value");
        String to = testId("period-to").getAttribute("value");
        JsonNode api = get("/api/caseload/" + TRIBUNAL + "?from=" + from + "&to=" + to, advocate).json();
        long pending = api.get("pending").asLong();
        assertThat(pending).as("the demo docket has pending cases there").isPositive();
        eventually(() -> {
            WebElement shown = browser.findElement(row);
            assertThat(digits(cell(shown, "pending"))).as("pending shown").isEqualTo(pending);
            assertThat(digits(cell(shown, "never-tried"))).as("never tried shown")
                                                            .isEqualTo(api.get("neverTried").asLong());
            assertThat(testId("release-note").getAttribute("data-release"))
                    .as("the page says which release it shows").isEqualTo(api.get("release").get("month").asText());
        });

        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        String title = testId("view-title").getText();
        String whoami = testId("whoami").getText();
        testId("lang-switch").click();
        wait.until(page -> !page.findElement(By.tagName("html")).getAttribute("lang").equals(lang));
        // The view is drawn again once its figures are fetched again, in the other language.
        wait.until(page -> !testId("view-title").getText().equals(title));
        wait.until(page -> digits(cell(page.findElement(row), "pending")) == pending);
        assertThat(testId("whoami").getText()).as("the header in the other language").isNotEqualTo(whoami)
                                               .contains("advocate");
        screenshot("dashboard.png");

        // The tribunal's own page: its key figures are the API's too, and its charts are drawn.
        testId("report-tribunal-link").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='timeline-chart']")).isEmpty()
                && !page.findElements(By.cssSelector("[data-testid='key-figures']")).isEmpty());
        eventually(() -> {
            assertThat(digits(cell(testId("key-figures"), "pending"))).isEqualTo(pending);
            assertThat(testId("timeline-chart").getTagName()).isEqualTo("svg");
            assertThat(testId("timeline-chart").findElements(By.tagName("path"))).as("timeline drawn").isNotEmpty();
            assertThat(testId("age-chart").getTagName()).isEqualTo("svg");
            assertThat(testId("age-chart").findElements(By.tagName("rect"))).as("age bands drawn").isNotEmpty();
        });

        // The breakdowns show exactly the cells the API suppresses for an advocate, and no count of those.
        eventually(() -> assertThat(suppressedCellsMatch(api)).as("the advocate's view suppresses small cells "
                + "there").isPositive());
        screenshot("tribunal.png");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", testId("breakdowns"));
        screenshot("tribunal-breakdowns.png");

        // The CSV holds the figures shown, for the months released: the pending count, and a suppressed cell as
        // "suppressed", not a number.
        String shownFrom = api.get("from").asText();
        String shownTo = api.get("to").asText();
        testId("download-csv").click();
        Path csv = downloads.resolve("greffe-" + TRIBUNAL + "-" + shownTo + ".csv");
        wait.until(page -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFtribunalId,from,to,section,item,value");
        assertThat(lines).contains(String.join(",", TRIBUNAL, shownFrom, shownTo, "key", "pending",
                String.valueOf(pending)));
        assertThat(lines).anyMatch(line -> line.startsWith(TRIBUNAL + "," + shownFrom + "," + shownTo + ",pendingBy-")
                && line.endsWith(",suppressed"));

        // A clerk reads exact figures, and they follow a new case without a reload.
        testId("back-link").click();
        wait.until(page -> !page.findElements(row).isEmpty());
        testId("sign-out").click();
        signIn(wait, "clerk");
        wait.until(page -> !page.findElements(row).isEmpty() && !cell(page.findElement(row), "pending").isBlank());
        long exact = get("/api/caseload/" + TRIBUNAL + "?from=" + from + "&to=" + to).json().get("pending").asLong();
        eventually(() -> assertThat(digits(cell(browser.findElement(row), "pending"))).isEqualTo(exact));
        ((JavascriptExecutor) browser).executeScript("window.greffeNotReloaded = true;");
        post("/api/cases", fileCaseJson(newDocket(), TRIBUNAL, "2020-01-02"));
        wait.until(page -> digits(cell(page.findElement(row), "pending")) == exact + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.greffeNotReloaded === true;"))
                .as("updated without a reload").isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("[data-testid='release-note']"))).as("exact: no release")
                                                                                      .isEmpty();

        // The advocate's figures did not move with it: they change with the next monthly release only.
        awaitProjection();
        testId("sign-out").click();
        signIn(wait, "advocate");
        eventually(() -> assertThat(digits(cell(browser.findElement(row), "pending"))).isEqualTo(pending));
    }

    /**
     * A first visitor sees the report's story: the page opens on the whole history the demo docket holds, to the day of
     * the report, and says so in its address. An address with a period opens on that period (a bookmark, a link
     * shared); a period picked is written into the address, and Back returns to the one before. On paper, the period
     * is printed in words, the form that picks it is not.
     */
    @Test
    void theFirstViewRunsToTheReportsDayAndThePeriodIsInTheAddressAndOnPaper() throws IOException {
        awaitProjection();
        String[] advocate = basic("advocate", "advocate");
        awaitRelease(advocate);
        JsonNode first = get("/api/dashboard/first-view", advocate).json();
        assertThat(first.get("to").asText()).as("demo mode: the report's day").isEqualTo("2020-06-03");
        assertThat(first.get("from").asText()).as("demo mode: the demo docket's first year").isEqualTo("2015-01-01");
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "advocate");
        By row = By.cssSelector("[data-testid='tribunal-row-" + TRIBUNAL + "']");
        wait.until(page -> !page.findElements(row).isEmpty() && !cell(page.findElement(row), "pending").isBlank());
        String opened = "?from=" + first.get("from").asText() + "&to=2020-06-03";
        assertThat(browser.getCurrentUrl()).endsWith("#/" + opened);
        assertThat(testId("period-from").getAttribute("value")).isEqualTo(first.get("from").asText());
        assertThat(testId("period-to").getAttribute("value")).isEqualTo("2020-06-03");
        testId("tribunal-link-" + TRIBUNAL).click();
        wait.until(page -> page.getCurrentUrl().endsWith("#/tribunal/" + TRIBUNAL + opened)
                && !page.findElements(By.cssSelector("[data-testid='key-figures']")).isEmpty());

        // A bookmarked period, opened in a new visit.
        String bookmarked = "http://localhost:" + port + "/#/tribunal/" + TRIBUNAL + "?from=2016-01-01&to=2019-12-31";
        browser.get(bookmarked);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='key-figures']")).isEmpty());
        assertThat(testId("period-from").getAttribute("value")).isEqualTo("2016-01-01");
        assertThat(testId("period-to").getAttribute("value")).isEqualTo("2019-12-31");
        long shown = digits(cell(testId("key-figures"), "pending"));
        assertThat(shown).isEqualTo(get("/api/caseload/" + TRIBUNAL + "?from=2016-01-01&to=2019-12-31", advocate)
                .json().get("pending").asLong());

        // A period picked goes into the address; Back returns to the bookmarked one.
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("arguments[0].value = '2017-01-01'", testId("period-from"));
        testId("period-apply").click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("?from=2017-01-01&to=2019-12-31"));
        browser.navigate().back();
        wait.until(driver -> driver.getCurrentUrl().equals(bookmarked)
                && "2016-01-01".equals(testId("period-from").getAttribute("value")));

        // On paper: the period in words, not the form.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", "print"));
        assertThat(testId("period-printed").isDisplayed()).isTrue();
        assertThat(testId("period-printed").getText()).isEqualTo("Period: from 1 January 2016 to 31 December 2019.");
        assertThat(testId("period-form").isDisplayed()).isFalse();
        screenshot("tribunal-print.png");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", ""));
        assertThat(testId("period-printed").isDisplayed()).isFalse();
    }

    /**
     * Figures a clerk's page asked for just before the clerk signed out, answered once the advocate has signed in, are
     * not drawn on the advocate's page: the browser holds the clerk's requests (a slow link) until then.
     */
    @Test
    void figuresReadForOneUserAreNotDrawnForTheNextOne() {
        awaitProjection();
        awaitRelease(basic("advocate", "advocate"));
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "clerk");
        By row = By.cssSelector("[data-testid='tribunal-row-" + TRIBUNAL + "']");
        wait.until(page -> !page.findElements(row).isEmpty() && !cell(page.findElement(row), "pending").isBlank());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("""
                const send = window.fetch;
                window.greffeHeld = [];
                window.fetch = (url, options) => String(url).startsWith('/api/caseload/')
                    && !String(url).includes('/stream') && !window.greffeLetThrough
                    ? new Promise((resolve, reject) => window.greffeHeld.push(() => send(url, options)
                        .then((answer) => answer.clone().text().then(() => resolve(answer)), reject)))
                    : send(url, options);""");
        testId("period-apply").click();
        wait.until(driver -> ((Number) page.executeScript("return window.greffeHeld.length;")).intValue() > 0);

        testId("sign-out").click();
        page.executeScript("window.greffeLetThrough = true;");
        signIn(wait, "advocate");
        wait.until(driver -> !driver.findElements(By.cssSelector("[data-testid='release-note']")).isEmpty()
                && !driver.findElements(row).isEmpty());
        // From now on, any drawing without the release's note would be the clerk's exact figures.
        page.executeScript("""
                window.greffeDrawnForClerk = false;
                new MutationObserver(() => {
                  if (!document.querySelector("[data-testid='release-note']")) { window.greffeDrawnForClerk = true; }
                }).observe(document.getElementById('app'), { childList: true, subtree: true });
                window.greffeStaleAnswered = false;
                Promise.allSettled(window.greffeHeld.map((release) => release()))
                  .then(() => setTimeout(() => { window.greffeStaleAnswered = true; }, 1000));""");
        wait.until(driver -> Boolean.TRUE.equals(page.executeScript("return window.greffeStaleAnswered;")));
        assertThat(page.executeScript("return window.greffeDrawnForClerk;")).as("the clerk's figures drawn")
                                                                           .isEqualTo(false);
        assertThat(browser.findElements(By.cssSelector("[data-testid='release-note']")))
                .as("the advocate's page still shows the release").isNotEmpty();
        assertThat(testId("whoami").getText()).contains("advocate");
    }

    /**
     * The tribunal's forecast panel draws what the API forecasts for the scenario set, in either language: for the
     * clerk, the exact forecast from the day the period ends, which moves when extra trial dispositions are typed in,
     * chart, table, cleared-by sentence and CSV alike, and which a late answer for an earlier scenario does not
     * replace; for the advocate, the forecast from the latest release, asked for without the {@code asOf} the API
     * refuses an advocate.
     */
    @Test
    void theForecastPanelShowsWhatTheApiForecastsForTheScenarioSet() throws IOException {
        String[] clerk = basic("clerk", "clerk");
        String[] advocate = basic("advocate", "advocate");
        awaitProjection();
        awaitRelease(advocate);
        browser.get("http://localhost:" + port + "/#/tribunal/" + TRIBUNAL);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "clerk");
        awaitForecast(wait, "asOf=");

        // The period ending on 3 June 2020, the day of the report's figures: the exact forecast starts there.
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("document.getElementById('from').value = '2019-06-04';"
                + "document.getElementById('to').value = '2020-06-03';");
        testId("period-apply").click();
        awaitForecast(wait, "asOf=2020-06-03", "extraDispositions=0");
        String forecast = "/api/caseload/" + TRIBUNAL + "/forecast?months=24&filingChange=0&order=fifo";
        JsonNode pace = get(forecast + "&extraDispositions=0&asOf=2020-06-03", clerk).json();
        assertThat(pace.get("figures").asText()).isEqualTo("exact");
        eventually(() -> assertPanelShows(pace, Locale.ENGLISH));
        assertThat(testId("forecast-stands-on").getAttribute("data-figures")).isEqualTo("exact");
        String atPace = testId("forecast-cleared-by").getText();
        String lastAtPace = testId("forecast-chart-last-pending").getText();

        // A number out of bounds is said in one sentence, in place of a forecast that would not match it.
        WebElement extra = testId("forecast-extra");
        extra.clear();
        extra.sendKeys("-1");
        wait.until(ignored -> testId("forecast-error").isDisplayed()
                && testId("forecast-cleared-by").getText().isEmpty());
        assertThat(testId("forecast-error").getText()).startsWith("Extra trial dispositions a month");

        // Ten more trial dispositions a month: the chart, the table and the sentence move to the API's answer, and
        // the answer for three more, asked for first but arriving last (held back here), does not replace it.
        page.executeScript("""
                const send = window.fetch;
                window.greffeHeld = [];
                window.fetch = (url, options) => String(url).includes('/forecast?')
                    && String(url).includes('extraDispositions=3&')
                    ? new Promise((resolve, reject) => window.greffeHeld.push(() => send(url, options)
                        .then((answer) => answer.clone().text().then(() => resolve(answer)), reject)))
                    : send(url, options);""");
        extra.clear();
        extra.sendKeys("3");
        wait.until(ignored -> ((Number) page.executeScript("return window.greffeHeld.length;")).intValue() > 0);
        extra.clear();
        extra.sendKeys("10");
        awaitForecast(wait, "asOf=2020-06-03", "extraDispositions=10");
        page.executeScript("""
                window.greffeStaleAnswered = false;
                Promise.allSettled(window.greffeHeld.map((release) => release()))
                  .then(() => setTimeout(() => { window.greffeStaleAnswered = true; }, 1000));""");
        wait.until(ignored -> Boolean.TRUE.equals(page.executeScript("return window.greffeStaleAnswered;")));
        JsonNode tenMore = get(forecast + "&extraDispositions=10&asOf=2020-06-03", clerk).json();
        assertThat(tenMore.get("clearance").get("outcome").asText()).as("ten more a month clear the backlog")
                                                                    .isEqualTo("CLEARED");
        eventually(() -> assertPanelShows(tenMore, Locale.ENGLISH));
        assertThat(testId("forecast-results").getAttribute("data-query")).contains("extraDispositions=10");
        assertThat(testId("forecast-cleared-by").getText()).isNotEqualTo(atPace);
        assertThat(testId("forecast-chart-last-pending").getText()).isNotEqualTo(lastAtPace);
        page.executeScript("arguments[0].scrollIntoView();", testId("forecast"));
        screenshot("forecast.png");

        // The CSV holds the forecast shown, a row a month.
        testId("download-forecast-csv").click();
        Path csv = downloads.resolve("greffe-forecast-" + TRIBUNAL + "-2020-06-03.csv");
        wait.until(ignored -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFtribunalId,figures,asOf,extraDispositions,filingChangePercent,"
                + "order,month,pendingP10,pendingP50,pendingP90,neverTriedP10,neverTriedP50,neverTriedP90,"
                + "backlogP10,backlogP50,backlogP90");
        JsonNode months = tenMore.get("months");
        assertThat(lines).hasSize(months.size() + 1);
        for (int i = 0; i < months.size(); i++) {
            JsonNode month = months.get(i);
            assertThat(lines.get(i + 1)).isEqualTo(String.join(",", TRIBUNAL, "exact", "2020-06-03", "10", "0",
                    "FIFO", month.get("month").asText(), range(month, "pending"), range(month, "neverTried"),
                    range(month, "backlog")));
        }

        // In French, the same forecast in French words.
        testId("lang-switch").click();
        wait.until(ignored -> "fr".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        awaitForecast(wait, "asOf=2020-06-03", "extraDispositions=10");
        eventually(() -> {
            assertPanelShows(tenMore, Locale.FRENCH);
            assertThat(testId("forecast-cleared-by").getText()).contains("résorbé");
        });
        page.executeScript("arguments[0].scrollIntoView();", testId("forecast"));
        screenshot("forecast-fr.png");

        // The advocate gets the forecast from the latest release, and the page never asks for it as of a day.
        testId("sign-out").click();
        page.executeScript("performance.clearResourceTimings();");
        signIn(wait, "advocate");
        wait.until(ignored -> !browser.findElements(By.cssSelector("[data-testid='release-note']")).isEmpty());
        awaitForecast(wait, "extraDispositions=10");
        JsonNode published = get(forecast + "&extraDispositions=10", advocate).json();
        assertThat(published.get("figures").asText()).isEqualTo("published");
        eventually(() -> {
            assertPanelShows(published, Locale.FRENCH);
            assertThat(testId("forecast-stands-on").getAttribute("data-figures")).isEqualTo("published");
            assertThat(testId("forecast-stands-on").getText()).contains(published.get("release").asText());
        });
        assertThat(testId("forecast-results").getAttribute("data-query")).doesNotContain("asOf");
        assertThat((List<?>) page.executeScript("return performance.getEntriesByType('resource')"
                + ".map((e) => e.name).filter((name) => name.includes('/forecast'));"))
                .as("the advocate's forecast requests").isNotEmpty()
                .allSatisfy(name -> assertThat(name.toString()).doesNotContain("asOf"));
        assertThat(testId("forecast-error").isDisplayed()).as("no refusal shown").isFalse();
        page.executeScript("arguments[0].scrollIntoView();", testId("forecast"));
        screenshot("forecast-advocate.png");
        assertThat((List<?>) page.executeScript("return window.cspViolations")).as("violations by the page").isEmpty();
    }

    /** Waits until the forecast panel shows the answer to a request whose query holds each of the parts. */
    private void awaitForecast(WebDriverWait wait, String... parts) {
        wait.until(ignored -> {
            WebElement results = testId("forecast-results");
            String query = results.getAttribute("data-query");
            return "false".equals(results.getAttribute("aria-busy")) && query != null
                    && Arrays.stream(parts).allMatch(query::contains);
        });
    }

    /** The panel's sentence, chart and table against the API's forecast, the months named in the language. */
    private void assertPanelShows(JsonNode forecast, Locale language) {
        JsonNode clearance = forecast.get("clearance");
        JsonNode months = forecast.get("months");
        JsonNode last = months.get(months.size() - 1);
        WebElement sentence = testId("forecast-cleared-by");
        assertThat(sentence.getAttribute("data-outcome")).isEqualTo(clearance.get("outcome").asText());
        DateTimeFormatter monthNamed = DateTimeFormatter.ofPattern("MMMM yyyy", language);
        if (clearance.get("p50").isNull()) {
            assertThat(sentence.getAttribute("data-p50")).isEmpty();
        } else {
            String p50 = clearance.get("p50").asText();
            assertThat(sentence.getAttribute("data-p50")).isEqualTo(p50);
            assertThat(sentence.getText()).as("the cleared-by month").contains(YearMonth.parse(p50).format(monthNamed))
                                          .contains(String.valueOf(clearance.get("p50Months").asInt()));
        }
        if ("NOT_WITHIN_HORIZON".equals(clearance.get("outcome").asText())) {
            assertThat(sentence.getText()).as("the horizon").contains(YearMonth.parse(last.get("month").asText())
                                                                             .format(monthNamed));
        }
        assertThat(digits(testId("forecast-chart-last-pending").getText())).as("the central line's last value")
                                                                            .isEqualTo(last.get("pending").get("p50")
                                                                                           .asLong());
        assertThat(digits(testId("forecast-chart-last-backlog").getText())).as("the backlog line's last value")
                                                                            .isEqualTo(last.get("backlog").get("p50")
                                                                                           .asLong());
        assertThat(testId("forecast-chart").findElements(By.cssSelector("path.band"))).as("the range").hasSize(1);
        List<WebElement> rows = testId("forecast-table").findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(months.size());
        for (int i = 0; i < months.size(); i++) {
            JsonNode month = months.get(i);
            assertThat(rows.get(i).findElement(By.tagName("th")).getText()).isEqualTo(month.get("month").asText());
            List<String> shown = rows.get(i).findElements(By.tagName("td")).stream()
                                     .map(cell -> String.valueOf(digits(cell.getText()))).toList();
            assertThat(String.join(",", shown)).as(month.get("month").asText()).isEqualTo(String.join(",",
                    range(month, "pending"), range(month, "neverTried"), range(month, "backlog")));
        }
    }

    /** A series' P10, P50 and P90 of a forecast month, comma-separated. */
    private static String range(JsonNode month, String series) {
        JsonNode range = month.get(series);
        return range.get("p10").asText() + "," + range.get("p50").asText() + "," + range.get("p90").asText();
    }

    /** Checks every breakdown cell shown against the API's answer; returns how many are suppressed. */
    private int suppressedCellsMatch(JsonNode after) {
        int suppressed = 0;
        for (String table : new String[]{"offence", "accused", "victimGroup"}) {
            var cells = after.get("pendingBy").get(table).get("cells").fields();
            while (cells.hasNext()) {
                var cell = cells.next();
                WebElement shownCell = testId("cell-" + table + "-" + cell.getKey());
                boolean hidden = cell.getValue().get("suppressed").asBoolean();
                assertThat(shownCell.getAttribute("data-suppressed")).as(table + " " + cell.getKey())
                                                                       .isEqualTo(String.valueOf(hidden));
                if (hidden) {
                    suppressed++;
                    assertThat(digits(shownCell.getText())).as("no count shown").isEqualTo(-1);
                } else {
                    assertThat(digits(shownCell.getText())).isEqualTo(cell.getValue().get("count").asLong());
                }
            }
        }
        return suppressed;
    }

    /**
     * The "why cases stall" section draws what the API answers, table by table: for a clerk, the period's adjournments
     * and filings beside where the pending cases stand, and its CSV holds them; for an advocate, the release's tables
     * with exactly the API's hidden cells, and the period's flows said not to be published. The overview sorts by the
     * cases idle for over a year.
     */
    @Test
    void whyCasesStallIsDrawnAsTheApiAnswersAndTheOverviewSortsByInactiveCases() throws IOException {
        awaitProjection();
        awaitRelease(basic("advocate", "advocate"));
        String period = "?from=2019-06-04&to=2020-06-03";
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        signIn(wait, "clerk");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='overview-table']")).isEmpty());
        browser.get("http://localhost:" + port + "/#/tribunal/" + TRIBUNAL + period);
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='stalls-trials']")).isEmpty());
        JsonNode exact = get("/api/caseload/" + TRIBUNAL + "/stalls" + period).json();
        eventually(() -> {
            assertStallTables(exact);
            JsonNode adjournments = exact.get("adjournments");
            assertThat(testId("stalls-trials").getText()).as("every trial hearing that came was adjourned")
                    .contains(adjournments.get("trialsAdjourned").asText(), adjournments.get("trialsDue").asText());
            assertStallCells("adjournments-byReason", adjournments.get("byReason"));
            assertStallCells("filings-reportingDelay", exact.get("filings").get("reportingDelay"));
            assertThat(testId("stalls-adjournments-byReason-chart").findElements(By.tagName("rect"))).isNotEmpty();
        });
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", testId("stalls"));
        screenshot("tribunal-stalls.png");
        testId("download-csv").click();
        Path csv = downloads.resolve("greffe-" + TRIBUNAL + "-2020-06-03.csv");
        wait.until(page -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).contains(String.join(",", TRIBUNAL,
                "2019-06-04", "2020-06-03", "stalls-adjournments", "trialsDue",
                exact.get("adjournments").get("trialsDue").asText()));

        testId("sign-out").click();
        signIn(wait, "advocate");
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='stalls-not-published']")).isEmpty());
        JsonNode published = get("/api/caseload/" + TRIBUNAL + "/stalls" + period, basic("advocate", "advocate"))
                .json();
        assertThat(published.get("adjournments").isNull()).isTrue();
        eventually(() -> assertStallTables(published));
        assertThat(browser.findElements(By.cssSelector("[data-testid='stalls-trials']"))).as("no flow").isEmpty();

        testId("back-link").click();
        wait.until(page -> !page.findElements(By.cssSelector("[data-testid='sort-inactive']")).isEmpty());
        testId("sort-inactive").click();
        eventually(() -> {
            List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid='overview-table'] tbody tr"));
            long previous = Long.MAX_VALUE;
            for (WebElement row : rows) {
                long inactive = digits(cell(row, "inactive"));
                if (inactive >= 0) {
                    assertThat(inactive).as("sorted, most inactive first").isLessThanOrEqualTo(previous);
                    previous = inactive;
                }
            }
            String first = rows.get(0).getAttribute("data-testid").substring("tribunal-row-".length());
            JsonNode stalls = get("/api/caseload/" + first + "/stalls" + period, basic("advocate", "advocate"))
                    .json();
            assertThat(digits(cell(rows.get(0), "inactive"))).as(first)
                    .isEqualTo(stalls.get("pending").get("inactive").get(">365").asLong());
        });
    }

    /** The four tables of the pending cases show the API's counts, and its hidden cells as hidden. */
    private void assertStallTables(JsonNode stalls) {
        for (String table : List.of("byLatestHearing", "suspendedByReason", "inactive", "byReportingDelay")) {
            assertStallCells(table, stalls.get("pending").get(table));
        }
    }

    private void assertStallCells(String table, JsonNode cells) {
        cells.fields().forEachRemaining(cell -> {
            WebElement row = testId("stall-" + table + "-" + cell.getKey());
            boolean hidden = cell.getValue().isNull();
            assertThat(row.getAttribute("data-suppressed")).as(table + " " + cell.getKey())
                                                            .isEqualTo(String.valueOf(hidden));
            long shown = digits(row.findElement(By.tagName("td")).getText());
            assertThat(shown).as(table + " " + cell.getKey()).isEqualTo(hidden ? -1 : cell.getValue().asLong());
        });
    }

    private static String cell(WebElement row, String id) {
        return row.findElement(By.cssSelector("[data-testid='" + id + "']")).getText();
    }

}
