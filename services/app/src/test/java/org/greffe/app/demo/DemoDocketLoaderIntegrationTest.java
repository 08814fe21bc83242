package org.greffe.app.demo;

import org.greffe.app.GreffeApplication;
import org.greffe.app.HttpIntegrationTest;
import org.greffe.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode loads the demo docket on the first start on an empty event store, with source {@code scenario}, and
 * never again; off, or with no docket to load, Greffe starts with an empty registry.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDocketLoaderIntegrationTest {

    /** Rows of {@code test-dockets/demo.csv}, all valid. */
    private static final long DEMO_ROWS = 7;
    private static final String DOCKET = "--greffe.demo.docket=classpath:test-dockets/demo.csv";

    @TempDir
    Path dataDir;

    @Test
    void withTheEmbeddedDatabaseItLoadsTheDemoDocketOnceOnAnEmptyStore(CapturedOutput output) {
        // "--greffe.demo=" stands for GREFFE_DEMO unset, whatever the environment running the test says.
        try (ConfigurableApplicationContext first = start("--greffe.demo=", DOCKET)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(eventCount(jdbc)).isEqualTo(DEMO_ROWS);
            assertThat(jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry",
                    String.class)).allSatisfy(data -> assertThat(data).contains("\"source\":\"scenario\"")
                    .contains("\"user\":\"demo\""));
            assertThat(jdbc.queryForList("SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' "
                    + "FROM domain_event_entry", String.class)).as("one import").hasSize(1);
        }
        assertThat(output).contains("Demo mode: demo docket loaded, 7 rows: 7 accepted, 0 already imported, "
                + "0 rejected");

        try (ConfigurableApplicationContext second = start("--greffe.demo=true", DOCKET)) {
            assertThat(eventCount(second.getBean(JdbcTemplate.class))).isEqualTo(DEMO_ROWS);
        }
        assertThat(output).contains("Demo mode: the event store already holds events; the demo docket is only loaded "
                + "into an empty one");
    }

    @Test
    void offItLoadsNothing() {
        try (ConfigurableApplicationContext app = start("--greffe.demo=false", DOCKET)) {
            assertThat(eventCount(app.getBean(JdbcTemplate.class))).isZero();
        }
    }

    @Test
    void aMissingDemoDocketIsAWarningAndGreffeStartsEmpty(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--greffe.demo=true",
                "--greffe.demo.docket=classpath:test-dockets/no-such-docket.csv")) {
            assertThat(app.isRunning()).isTrue();
            assertThat(eventCount(app.getBean(JdbcTemplate.class))).isZero();
        }
        assertThat(output).contains("Demo mode: the demo docket classpath:test-dockets/no-such-docket.csv does not "
                + "exist; Greffe starts with an empty registry");
    }

    /** Outside demo mode with the tests' identity provider; in demo mode with none, which demo mode refuses. */
    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--greffe.data-dir=" + dataDir,
                "--greffe.keys.dir=" + HttpIntegrationTest.TEST_KEYS.toAbsolutePath()));
        all.addAll(List.of(args));
        if (all.contains("--greffe.demo=false")) {
            all.addAll(TestTokens.trustArguments());
        }
        return new SpringApplicationBuilder(GreffeApplication.class).run(all.toArray(String[]::new));
    }

    private static long eventCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
