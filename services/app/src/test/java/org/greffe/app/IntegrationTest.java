package org.greffe.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of most HTTP integration tests: a real PostgreSQL, an embedded one in a fresh directory or the server named by
 * {@code GREFFE_TEST_DATASOURCE_URL}, shared by every test class that extends this one, without the demo docket. Tests
 * use fresh docket numbers, tribunals of their own, and event counts before and after, never absolute counts. Users
 * sign in with the tests' bearer tokens ({@link TestTokens}).
 */
public abstract class IntegrationTest extends HttpIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        // The tests count the events they append; a demo docket in the store would only be noise.
        registry.add("greffe.demo", () -> "false");
        trustTestTokens(registry);
        String url = System.getenv("GREFFE_TEST_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username",
                    () -> System.getenv().getOrDefault("GREFFE_TEST_DATASOURCE_USERNAME", "postgres"));
        } else {
            Path dataDir = Files.createTempDirectory("greffe-test-db");
            registry.add("greffe.data-dir", dataDir::toString);
        }
    }

}
