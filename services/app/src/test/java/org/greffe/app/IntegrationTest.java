package org.greffe.app;

import org.greffe.app.database.DatabaseRoles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Base of most HTTP integration tests: a real PostgreSQL, an embedded one in a fresh directory or the server named by
 * {@code GREFFE_TEST_DATASOURCE_URL} (set up with the roles an operator creates, {@link DatabaseRoles}), shared by
 * every test class that extends this one, without the demo docket. Tests use fresh docket numbers, tribunals of their
 * own, and event counts before and after, never absolute counts. Users sign in with the tests' bearer tokens
 * ({@link TestTokens}).
 */
public abstract class IntegrationTest extends HttpIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        // The tests count the events they append; a demo docket in the store would only be noise.
        registry.add("greffe.demo", () -> "false");
        // The tests watch the caseload gauges follow a filing; a minute's refresh would only slow them down.
        registry.add("greffe.metrics.caseload-refresh", () -> "5s");
        trustTestTokens(registry);
        String url = System.getenv("GREFFE_TEST_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            // The server is set up as docs/operations.md tells an operator to: an owner role migrates, Greffe runs as
            // its own.
            try (Connection superuser = DriverManager.getConnection(url, superuser(), null)) {
                DatabaseRoles.setUp(superuser);
            } catch (SQLException e) {
                throw new IllegalStateException("could not set up the database roles on " + url, e);
            }
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> DatabaseRoles.APP);
            registry.add("greffe.database.owner.username", () -> DatabaseRoles.OWNER);
        } else {
            Path dataDir = Files.createTempDirectory("greffe-test-db");
            registry.add("greffe.data-dir", dataDir::toString);
        }
    }

}
