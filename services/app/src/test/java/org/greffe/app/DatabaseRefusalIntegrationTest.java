package org.greffe.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRoles;
import org.greffe.app.database.DatabaseSafety;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On an external server, Greffe refuses real data when its runtime role could alter the append-only tables or when the
 * server may lose acknowledged commits, in one sentence that names the fix, unless told explicitly to accept the risk;
 * demo mode, whose data is synthetic, only warns.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRefusalIntegrationTest {

    @TempDir
    Path dir;

    private EmbeddedPostgres server;

    @BeforeEach
    void startServer() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("server")).setServerConfig("fsync", "on")
                                 .setServerConfig("synchronous_commit", "on").start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void aSuperuserAsRuntimeRoleIsRefusedOnRealData(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.username=postgres")).rootCause()
                .hasMessageStartingWith("Greffe's database role postgres is a superuser; owns ")
                .hasMessageContaining("GREFFE_DATABASE_OWNER_USERNAME")
                .hasMessageEndingWith("or set GREFFE_DATABASE_ALLOW_PRIVILEGED_ROLE=true to accept the risk.");
        assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("at org.greffe.app.database.");
    }

    @Test
    void aRuntimeRoleThatOwnsTheTablesIsRefusedUnlessAllowed(CapturedOutput output) throws SQLException {
        execute("CREATE ROLE greffe_alone LOGIN; GRANT CREATE, USAGE ON SCHEMA public TO greffe_alone");
        assertThatThrownBy(() -> start("--spring.datasource.username=greffe_alone")).rootCause()
                .hasMessageStartingWith("Greffe's database role greffe_alone owns access_log; owns ");

        try (ConfigurableApplicationContext app = start("--spring.datasource.username=greffe_alone",
                "--greffe.database.allow-privileged-role=true")) {
            DatabaseSafety safety = app.getBean(DatabaseSafety.class);
            assertThat(safety.leastPrivilege()).isFalse();
            assertThat(safety.privileges()).contains("owns domain_event_entry", "owns audit_chain");
        }
        assertThat(output).contains("so it could alter the append-only tables "
                + "(greffe.database.allow-privileged-role=true)");
    }

    @Test
    void aServerThatMayLoseAcknowledgedCommitsIsRefusedUnlessAllowed(CapturedOutput output) throws SQLException {
        try (Connection superuser = server.getPostgresDatabase().getConnection()) {
            DatabaseRoles.setUp(superuser);
        }
        execute("ALTER ROLE greffe_app SET synchronous_commit = off");
        String[] roles = {"--spring.datasource.username=" + DatabaseRoles.APP,
                "--greffe.database.owner.username=" + DatabaseRoles.OWNER};
        assertThatThrownBy(() -> start(roles)).rootCause()
                .hasMessage("The database runs with synchronous_commit=off, so a crash may lose acknowledged events: "
                        + "turn fsync, full_page_writes and synchronous_commit on, or set "
                        + "GREFFE_DATABASE_ALLOW_NON_DURABLE=true to accept the risk.");

        List<String> allowed = new ArrayList<>(List.of(roles));
        allowed.add("--greffe.database.allow-non-durable=true");
        try (ConfigurableApplicationContext app = start(allowed.toArray(String[]::new))) {
            DatabaseSafety safety = app.getBean(DatabaseSafety.class);
            assertThat(safety.leastPrivilege()).as(safety.privileges().toString()).isTrue();
            assertThat(safety.durability()).containsExactly("synchronous_commit=off");
        }
        assertThat(output).contains("so a crash may lose acknowledged events (greffe.database.allow-non-durable=true)");
    }

    @Test
    void eachWayAroundTheAppendOnlyTriggersIsRefused() throws SQLException {
        try (Connection superuser = server.getPostgresDatabase().getConnection()) {
            DatabaseRoles.setUp(superuser);
        }
        String[] roles = {"--spring.datasource.username=" + DatabaseRoles.APP,
                "--greffe.database.owner.username=" + DatabaseRoles.OWNER};
        try (ConfigurableApplicationContext app = start(roles)) {
            DatabaseSafety safety = app.getBean(DatabaseSafety.class);
            assertThat(safety.privileges()).as("after the set-up, least privilege").isEmpty();
            assertThat(safety.durability()).isEmpty();
        }
        // What a DBA's mistake, or an attacker who once held more, could leave behind.
        execute("""
                CREATE ROLE planted_admin NOLOGIN CREATEROLE;
                CREATE ROLE planted_root NOLOGIN SUPERUSER;
                CREATE ROLE planted_middle NOLOGIN;
                GRANT planted_root TO planted_middle;
                GRANT planted_admin, planted_middle, pg_execute_server_program, pg_read_server_files,
                      pg_write_server_files, pg_write_all_data TO greffe_app;
                GRANT TEMPORARY, CREATE ON DATABASE postgres TO PUBLIC;
                GRANT CREATE ON SCHEMA public TO PUBLIC;
                ALTER TABLE registry_docket_number ENABLE REPLICA TRIGGER registry_docket_number_append_only;
                ALTER TABLE access_log_outcome SET UNLOGGED""");
        assertThatThrownBy(() -> start(roles)).rootCause()
                .hasMessageStartingWith("Greffe's database role greffe_app is a member of ")
                .hasMessageEndingWith("or set GREFFE_DATABASE_ALLOW_PRIVILEGED_ROLE=true to accept the risk.");

        List<String> allowed = new ArrayList<>(List.of(roles));
        allowed.add("--greffe.database.allow-privileged-role=true");
        allowed.add("--greffe.database.allow-non-durable=true");
        try (ConfigurableApplicationContext app = start(allowed.toArray(String[]::new))) {
            DatabaseSafety safety = app.getBean(DatabaseSafety.class);
            // pg_write_all_data also gives UPDATE and DELETE on every table, which the check names table by table.
            assertThat(safety.privileges()).contains("may UPDATE, DELETE domain_event_entry",
                    "is a member of planted_admin",
                    "is a member of planted_root",
                    "is a member of pg_execute_server_program", "is a member of pg_read_server_files",
                    "is a member of pg_write_server_files", "is a member of pg_write_all_data",
                    "finds a trigger of registry_docket_number disabled", "may create temporary tables",
                    "may create schemas", "may create tables in schema public");
            assertThat(safety.durability()).containsExactly("access_log_outcome unlogged");
        }
    }

    @Test
    void demoModeRunsOnAnUnsafeDatabaseWithAWarning(CapturedOutput output) throws SQLException {
        execute("ALTER ROLE postgres SET synchronous_commit = off");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GreffeApplication.class).run(
                "--server.port=0", "--greffe.demo=true", "--greffe.keys.dir=" + dir.resolve("keys"),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "--spring.datasource.username=postgres")) {
            DatabaseSafety safety = app.getBean(DatabaseSafety.class);
            assertThat(safety.privileges()).contains("is a superuser");
            assertThat(safety.durability()).containsExactly("synchronous_commit=off");
        }
        assertThat(output).contains("so it could alter the append-only tables (demo mode)")
                          .contains("so a crash may lose acknowledged events (demo mode)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--greffe.demo=false",
                "--greffe.keys.dir=" + dir.resolve("keys"),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/postgres"));
        all.addAll(TestTokens.trustArguments());
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(GreffeApplication.class).run(all.toArray(String[]::new));
    }
}
