package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.greffe.app.demo.DemoMode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: the whole application on a random port, against a real PostgreSQL. The context
 * (and its database) is shared by every test class with the same settings, so tests use fresh docket numbers and
 * compare event counts before and after, never absolute counts. Users sign in one of two ways, never both, as in
 * production: outside demo mode ({@link IntegrationTest}, or {@link #ownEmbeddedDatabase} with {@code demo} false)
 * with bearer tokens from {@link TestTokens}, whose key, issuer and audience {@link #trustTestTokens} registers; in
 * demo mode ({@link DemoDocketIntegrationTest}, or {@link #ownEmbeddedDatabase} with {@code demo} true) as the demo
 * users over HTTP Basic, with no identity provider configured. Every subclass names its database: the default
 * {@code .greffe/data} would be one folder for both of Failsafe's JVMs. Metrics are exported as in production
 * ({@code /actuator/prometheus}); Spring Boot's tests leave them off otherwise.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = GreffeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpIntegrationTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger DOCKETS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String NO_CREDENTIALS = "<no credentials>";
    /** Headers for a request without any credentials. */
    protected static final String[] ANONYMOUS = {"Authorization", NO_CREDENTIALS};
    /** The keys directory of the tests' Greffe (see {@link #keys}). */
    public static final Path TEST_KEYS = Path.of("target", "greffe-test-keys");

    @LocalServerPort
    protected int port;

    /** Greffe's own connections, as its runtime role: reads, and only the writes that role may make. */
    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    private JdbcTemplate dba;

    @Autowired
    private Environment environment;

    /**
     * Every test context reads its keys (the append authentication key, ...) from one directory under the module's
     * {@code target}, never from {@code .greffe/keys} in the source tree: one directory for all contexts and runs, so
     * that a context against a database other tests (or an earlier run, with {@code GREFFE_TEST_DATASOURCE_URL})
     * appended to holds the keys that authenticated its events. Greffe creates the key on first start.
     */
    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("greffe.keys.dir", () -> TEST_KEYS.toAbsolutePath().toString());
    }

    /**
     * The attacker who is the database's administrator: the superuser ({@code postgres}, or
     * {@code GREFFE_TEST_DATASOURCE_SUPERUSER}) on Greffe's database. Tests that tamper with stored rows go through it,
     * since Greffe's own role may not; what it changes, verify and the sealer must detect.
     */
    protected JdbcTemplate dbaJdbc() {
        if (dba == null) {
            String url = ((HikariDataSource) dataSource).getJdbcUrl();
            dba = new JdbcTemplate(new DriverManagerDataSource(url, superuser(), null));
        }
        return dba;
    }

    /** Runs the work as the database's administrator ({@link #dbaJdbc}) in one transaction, committed at the end. */
    protected void asDba(Consumer<JdbcTemplate> work) {
        try (Connection connection = DriverManager.getConnection(((HikariDataSource) dataSource).getJdbcUrl(),
                superuser(), null)) {
            connection.setAutoCommit(false);
            work.accept(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The superuser of the tests' database server. */
    protected static String superuser() {
        return System.getenv().getOrDefault("GREFFE_TEST_DATASOURCE_SUPERUSER", "postgres");
    }

    /** Makes Greffe trust the tests' identity provider: its key, its issuer and Greffe's audience. */
    protected static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestTokens.trustProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Headers that make a request as the user with the roles. */
    protected static String[] as(String user, Role... roles) {
        return new String[]{"Authorization", TestTokens.bearer(user, roles)};
    }

    /**
     * Gives a test class an embedded PostgreSQL of its own, in a new temporary data directory, instead of the shared
     * one: for tests that need the demo docket alone in the log, or that tamper with or rebuild what they find. In demo
     * mode users sign in as the demo users; otherwise with the tests' tokens.
     */
    protected static void ownEmbeddedDatabase(DynamicPropertyRegistry registry, String name, boolean demo)
            throws IOException {
        Path dataDir = Files.createTempDirectory("greffe-" + name + "-db");
        registry.add("greffe.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "");
        registry.add("greffe.demo", () -> String.valueOf(demo));
        if (!demo) {
            trustTestTokens(registry);
        }
    }

    /** Headers that sign in over HTTP Basic (demo mode only). */
    protected static String[] basic(String user, String password) {
        return new String[]{"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))};
    }

    /** A test class that named no database would share the module's {@code .greffe/data} with the other test JVM. */
    @BeforeEach
    void ownDatabase() {
        if (!org.springframework.util.StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            assertThat(Path.of(environment.getProperty("greffe.data-dir", "")).toAbsolutePath().normalize())
                    .as("extend IntegrationTest or DemoDocketIntegrationTest, or call ownEmbeddedDatabase")
                    .isNotEqualTo(Path.of(".greffe", "data").toAbsolutePath().normalize());
        }
    }

    @BeforeEach
    void noLargeObjects() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    /**
     * A docket number no other test uses, in the default format (a code, a year and numbers): the process id keeps
     * runs against one database apart.
     */
    protected static String newDocket() {
        return "IT-2024-" + ProcessHandle.current().pid() + "-" + DOCKETS.incrementAndGet();
    }

    /** Waits until the caseload projection has read every stored event. */
    protected void awaitProjection() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        awaitUntil("the caseload projection reaches position " + head, Duration.ofSeconds(30), () -> {
            String position = get("/api/caseload").header("Greffe-Log-Position");
            return position != null && Long.parseLong(position) >= head;
        });
    }

    /**
     * Waits until the first monthly release of the published figures exists: it is made once the projection has read
     * what start-up loaded, and readers without exact figures get 503 until then.
     *
     * @param reader headers signing in a reader without exact figures
     */
    protected void awaitRelease(String... reader) {
        awaitUntil("the first monthly release of the caseload figures", Duration.ofSeconds(60),
                () -> get("/api/caseload", reader).header("Greffe-Release") != null);
    }

    /** Polls every 50 ms until the condition holds; fails, saying what was awaited, when the time is up. */
    protected static void awaitUntil(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    protected static String fileCaseJson(String docket, String tribunal, String filedOn) {
        return """
                {"docketNumber":"%s","tribunalId":"%s","filedOn":"%s","offence":"RAPE",
                 "victims":{"women":1,"girls":2,"men":0,"boys":0},"accused":"NON_STATE_ARMED_GROUP",
                 "accusedGroup":"CMA"}""".formatted(docket, tribunal, filedOn);
    }

    /** Files a new case at Bamako commune III and returns its id. */
    protected String fileCase(String filedOn) {
        Response response = post("/api/cases", fileCaseJson(newDocket(), "bamako-commune-iii", filedOn));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("caseId").asText();
    }

    /** Sends a CSV docket to the import and waits for its report ({@code ?wait=true}). */
    protected Response postCsv(String csv) {
        return send(HttpRequest.newBuilder(uri("/api/dockets?wait=true"))
                               .header("Content-Type", "text/csv")
                               .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** Sends a CSV docket of many rows to the import, waiting for its report as long as it takes, within limits. */
    protected Response postLongCsv(String csv) {
        return send(HttpRequest.newBuilder(uri("/api/dockets?wait=true"))
                               .header("Content-Type", "text/csv")
                               .timeout(Duration.ofMinutes(5))
                               .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    protected Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    protected Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    /**
     * Sends the request as the default user, unless the headers name an {@code Authorization} of their own;
     * {@link #ANONYMOUS} sends no credentials at all. The default user is {@link TestTokens#DEFAULT_USER}, clerk and
     * auditor; in demo mode, whose users hold one role each, the demo auditor for audit and actuator requests and
     * the demo clerk for the rest.
     */
    protected Response send(HttpRequest.Builder request, String... headers) {
        authorize(request, headers);
        try {
            HttpRequest built = request.build();
            if (built.timeout().isEmpty()) {
                built = request.timeout(Duration.ofSeconds(30)).build();
            }
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a GET whose answer does not end (server-sent events), with the same credentials rules as
     * {@link #send}: returns once the headers are in; the caller reads the lines and closes them.
     */
    protected HttpResponse<java.util.stream.Stream<String>> openStream(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        authorize(request, headers);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authorize(HttpRequest.Builder request, String... headers) {
        boolean authorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                authorization = true;
                if (headers[i + 1].equals(NO_CREDENTIALS)) {
                    continue;
                }
            }
            request.header(headers[i], headers[i + 1]);
        }
        if (!authorization) {
            request.header("Authorization", defaultCredentials(request.build().uri().getPath()));
        }
    }

    private String defaultCredentials(String path) {
        if (!DemoMode.enabled(environment)) {
            return TestTokens.defaultBearer();
        }
        String user = path.startsWith("/api/audit/") || path.startsWith("/actuator/") ? "auditor" : "clerk";
        return basic(user, user)[1];
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * An HTTP answer.
     *
     * @param status  status code
     * @param headers response headers
     * @param text    body as text
     */
    public record Response(int status, Map<String, java.util.List<String>> headers, String text) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
