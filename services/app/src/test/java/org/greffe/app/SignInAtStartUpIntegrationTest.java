package org.greffe.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Greffe refuses to start when users could sign in who should not, and says in one paragraph what to set, as Spring
 * Boot's failure report and without a stack trace: demo mode next to an identity provider, bearer tokens not bound
 * by issuer and audience, and demo mode on a log that holds real data, whether a docket imported with
 * {@code --greffe.import} or a case recorded by a user of the identity provider. The last is the embedded quick start
 * gone real: its next start, demo mode by default, must not open the real cases to the published demo passwords.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInAtStartUpIntegrationTest {

    private static final String REAL_DATA = "Greffe will not start in demo mode: this event log holds real data";

    @TempDir
    Path dir;

    @Test
    void demoModeNextToAnIdentityProviderRefusesToStart(CapturedOutput output) {
        assertRefused(() -> start(withTrust("--greffe.demo=true")),
                "Demo mode and an identity provider cannot be used together", output);
        assertThat(output).contains("GREFFE_DEMO=false");
    }

    @Test
    void outsideDemoModeTokensMustBeBoundByIssuerAndAudience(CapturedOutput output) {
        assertRefused(() -> start("--greffe.demo=false", "--spring.security.oauth2.resourceserver.jwt"
                        + ".public-key-location=" + TestTokens.publicKeyLocation()),
                "Bearer tokens must be bound to this Greffe", output);
        assertThat(output).contains("greffe.security.jwt.issuer (GREFFE_SECURITY_JWT_ISSUER)")
                          .contains("greffe.security.jwt.audience (GREFFE_SECURITY_JWT_AUDIENCE)");
    }

    @Test
    void aDocketImportedInDemoModeLocksTheDemoUsersOutAndTheNextDemoStartIsRefused(CapturedOutput output)
            throws Exception {
        Path docket = dir.resolve("docket.csv");
        try (InputStream demo = getClass().getResourceAsStream("/test-dockets/demo.csv")) {
            Files.write(docket, demo.readAllBytes());
        }
        try (ConfigurableApplicationContext running = start("--greffe.demo=true", "--greffe.import=" + docket)) {
            assertThat(running.getBean(JdbcTemplate.class).queryForList("SELECT DISTINCT convert_from(meta_data, "
                    + "'UTF8')::jsonb ->> 'user' FROM domain_event_entry", String.class))
                    .singleElement().asString().startsWith("cli:");
            HttpResponse<String> refused = get(running, "/api/caseload", basic("advocate"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("demo sign-in refused: this event log now holds real data");
        }

        assertRefused(() -> start("--greffe.demo=true"), REAL_DATA, output);

        try (ConfigurableApplicationContext real = start(withTrust("--greffe.demo=false"))) {
            String advocate = TestTokens.bearer("advocate-1", org.greffe.app.security.Role.ADVOCATE);
            // An advocate reads the monthly release, made once the projection has read the imported docket.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            int status = get(real, "/api/caseload", advocate).statusCode();
            while (status == 503 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = get(real, "/api/caseload", advocate).statusCode();
            }
            assertThat(status).as("the same log, read with the identity provider").isEqualTo(200);
        }
    }

    @Test
    void aCaseRecordedThroughTheIdentityProviderEndsTheQuickStartsDemoMode(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext real = start(withTrust("--greffe.demo=false"))) {
            HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(real,
                            "/api/cases")).header("Authorization", TestTokens.defaultBearer())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"docketNumber":"RP-2019-0042","tribunalId":"bamako-commune-iii","filedOn":"2019-03-14",
                             "offence":"RAPE","victims":{"women":1,"girls":0,"men":0,"boys":0},
                             "accused":"UNIDENTIFIED"}""")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        }

        // "--greffe.demo=" stands for GREFFE_DEMO unset: with the embedded database, demo mode by default.
        assertRefused(() -> start("--greffe.demo="), REAL_DATA, output);
        assertThat(output).contains("GREFFE_DEMO=false")
                          .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    }

    private static void assertRefused(Runnable start, String message, CapturedOutput output) {
        assertThatThrownBy(start::run).rootCause().hasMessageStartingWith(message);
        assertThat(output).contains("APPLICATION FAILED TO START").contains(message)
                          .doesNotContain("Application run failed")
                          .doesNotContain("at org.greffe.app.security.");
    }

    private String[] withTrust(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestTokens.trustArguments());
        return all.toArray(String[]::new);
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--greffe.data-dir=" + dir.resolve("data"),
                "--greffe.keys.dir=" + dir.resolve("keys")));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(GreffeApplication.class).run(all.toArray(String[]::new));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String authorization)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(app, path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
