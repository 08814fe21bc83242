package org.greffe.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

/**
 * Base of the HTTP integration tests that read the demo docket: Greffe in demo mode on an embedded PostgreSQL in a
 * fresh temporary directory, shared by the test classes that extend this one within a test JVM. Never the default
 * {@code .greffe/data} of the module: Failsafe runs two JVMs, and a second Greffe starting on the same folder stops
 * the first one's server as a stale one.
 */
public abstract class DemoDocketIntegrationTest extends HttpIntegrationTest {

    @DynamicPropertySource
    static void demoDatabase(DynamicPropertyRegistry registry) throws IOException {
        ownEmbeddedDatabase(registry, "demo", true);
    }
}
