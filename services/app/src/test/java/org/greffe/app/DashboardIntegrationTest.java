package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advocates' dashboard: its files are served to anyone from the application itself and name no outside address
 * (courts and NGOs often work offline), and the event stream that tells it when to re-read the figures is open to
 * every Greffe role, closed to anonymous callers, and reports a new position once a new event has been projected.
 */
class DashboardIntegrationTest extends IntegrationTest {

    @Test
    void theDashboardIsServedToAnyoneAtTheRoot() {
        Response page = get("/", ANONYMOUS);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("id=\"app\"").contains("<script type=\"module\" src=\"app.js\">")
                               .contains("href=\"app.css\"");
    }

    /** The page forbids what an injected script would need: inline code, other origins, plugins, framing. */
    @Test
    void thePageRunsOnlyGreffesOwnScripts() {
        for (String path : new String[]{"/", "/index.html"}) {
            String policy = get(path, ANONYMOUS).header("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self';").contains("default-src 'self';")
                              .contains("object-src 'none'").contains("frame-ancestors 'none'")
                              .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
        }
    }

    /**
     * Every file of the dashboard, each module and translation included: served to anyone, with the type a browser
     * requires (a module script must be JavaScript), naming no outside address, and revalidated on every load, so
     * that after an upgrade a browser never runs new modules with old ones.
     */
    @Test
    void everyAssetIsLocalAndServedWithItsType() {
        Map<String, String> types = Map.of("html", "text/html", "js", "text/javascript", "css", "text/css", "csv",
                "text/csv");
        List<String> files = DashboardFiles.all();
        assertThat(files).contains("index.html", "app.js", "app.css", "i18n/fr.js", "i18n/en.js");
        for (String file : files) {
            String asset = "/" + file;
            Response response = get(asset, ANONYMOUS);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(asset)
                                                      .startsWith(types.get(file.substring(file.lastIndexOf('.') + 1)));
            assertThat(response.header("X-Content-Type-Options")).as(asset).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(asset).contains("no-cache");
            assertThat(response.text()).as(asset).isNotBlank().doesNotContain("http://").doesNotContain("https://")
                                       .doesNotContain("//cdn");
        }
    }

    @Test
    void theStreamIsClosedToAnonymousCallers() {
        Response response = get("/api/caseload/stream", ANONYMOUS);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theStreamReportsANewPositionOnceANewCaseIsProjected() throws Exception {
        awaitProjection();
        // A clerk's stream follows every event; an advocate's follows the monthly releases only (see
        // DisclosureAttackIntegrationTest).
        HttpResponse<Stream<String>> stream = openStream("/api/caseload/stream", as("clerk-1", Role.CLERK));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = stream.body()) {
                Iterator<String> each = lines.iterator();
                while (each.hasNext()) {
                    String line = each.next();
                    if (line.startsWith("data:")) {
                        events.add(JSON.readTree(line.substring("data:".length())));
                    }
                }
            } catch (Exception e) {
                // the test closed the stream, or it ended
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = events.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the position on connecting").isNotNull();
            long before = first.get("position").asLong();
            assertThat(first.get("head").asLong()).isGreaterThanOrEqualTo(before);

            fileCase("2020-03-04");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            JsonNode moved = null;
            while (moved == null && System.nanoTime() < deadline) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.get("position").asLong() > before) {
                    moved = event;
                }
            }
            assertThat(moved).as("an event with a position after " + before + " within 10 s").isNotNull();
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }
}
