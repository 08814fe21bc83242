package org.greffe.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances share one database; the one holding the caseload processor's segments is killed with SIGKILL, and the
 * survivor takes them over within 5 s (the token store's 3 s claim timeout, the processor's claims renewed and free
 * segments looked for every second), then folds what is filed through it. The time is written to
 * {@code target/failover-test/seconds.txt} and the test's log.
 */
class FailoverIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(FailoverIntegrationTest.class);
    private static final String OWNERS = "SELECT owner FROM token_entry WHERE processor_name = 'caseload' "
            + "ORDER BY segment";

    @TempDir
    Path work;

    @Test
    void aSurvivorTakesTheKilledInstancesSegmentsOverWithinFiveSeconds() throws Exception {
        int port = DurablePostgres.freePort();
        Path logs = Files.createDirectories(Path.of("target", "failover-test"));
        try (EmbeddedPostgres postgres = DurablePostgres.start(work.resolve("postgres"), port)) {
            try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
                DatabaseRoles.setUp(superuser);
            }
            JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
            String[] arguments = {"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "--spring.datasource.username=" + DatabaseRoles.APP,
                    "--greffe.database.owner.username=" + DatabaseRoles.OWNER,
                    // one set of keys for both: each verifies what the other appends
                    "--greffe.keys.dir=" + work.resolve("keys")};
            try (GreffeProcess first = GreffeProcess.start(work.resolve("first"), logs.resolve("first-"
                    + System.nanoTime() + ".log"), arguments);
                 GreffeProcess second = GreffeProcess.start(work.resolve("second"), logs.resolve("second-"
                         + System.nanoTime() + ".log"), arguments)) {
                file(first, 1);
                file(second, 2);
                HttpIntegrationTest.awaitUntil("every segment claimed", Duration.ofSeconds(60),
                        () -> owners(database).size() == 2 && !owners(database).contains(null));
                String owner = owners(database).get(0);
                GreffeProcess victim = owner.startsWith(first.pid() + "@") ? first : second;
                GreffeProcess survivor = victim == first ? second : first;
                assertThat(owner).as("the owner is one of the two instances").startsWith(victim.pid() + "@");

                long killedAt = System.nanoTime();
                victim.kill();
                HttpIntegrationTest.awaitUntil("every segment claimed by the survivor", Duration.ofSeconds(60),
                        () -> owners(database).stream().allMatch(o -> o != null
                                && o.startsWith(survivor.pid() + "@")));
                double seconds = (System.nanoTime() - killedAt) / 1e9;
                log.info("Failover: the survivor held every segment {} s after the SIGKILL", seconds);
                Files.writeString(logs.resolve("seconds.txt"), String.format(java.util.Locale.ROOT, "%.2f%n",
                        seconds));

                file(survivor, 3);
                survivor.awaitCaughtUp();
                assertThat(seconds).as("seconds from the SIGKILL to the survivor holding every segment")
                                   .isLessThanOrEqualTo(5.0);
            }
        }
    }

    private static List<String> owners(JdbcTemplate database) {
        return database.queryForList(OWNERS, String.class);
    }

    private static void file(GreffeProcess greffe, int n) throws Exception {
        greffe.post("/api/cases", """
                {"docketNumber":"FAIL-2019-%d","tribunalId":"kidal","filedOn":"2019-03-14","offence":"RAPE",
                 "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}""".formatted(n));
    }
}
