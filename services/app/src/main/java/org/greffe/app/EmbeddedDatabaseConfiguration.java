package org.greffe.app;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.greffe.app.database.DatabaseRefused;
import org.greffe.app.database.DatabaseRoles;
import org.greffe.app.database.MigrationOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * With no {@code spring.datasource.url}, Greffe runs a real PostgreSQL of its own (zonky's embedded binaries), with
 * its data in {@code greffe.data-dir} so that the event log survives restarts. A newcomer needs nothing but Java.
 *
 * <p>Set up as an external server must be: durable ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on, where zonky turns the first two off for speed), migrated by {@link DatabaseRoles#OWNER}
 * and used by {@link DatabaseRoles#APP}, which owns nothing. The server trusts local connections, so this protects
 * the log from Greffe's own connections (an injected statement, a bug), not from someone who can run programs on the
 * machine.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${greffe.data-dir}") Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        DataDirectory.check(data);
        Files.createDirectories(data);
        StalePostgres.stopIfRunning(data);
        log.info("Starting embedded PostgreSQL with its data in {}", data);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // Spring closes it (destroyMethod) once the event processors have stopped; zonky's own shutdown
                    // hook would stop the server beside them, mid-batch, and they would log broken connections.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("Missing embedded postgres binaries")) {
                throw new DatabaseRefused("This Greffe jar carries no embedded PostgreSQL for "
                        + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                        + " (it was built for a server only, or for other platforms): set SPRING_DATASOURCE_URL to "
                        + "a PostgreSQL server, as docs/operations.md describes.");
            }
            throw e;
        }
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.setUp(superuser);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("could not set up the database roles of the embedded PostgreSQL in "
                    + data + ": " + e.getMessage(), e);
        }
        return postgres;
    }

    /** The migrations connect as the owner of the tables. */
    @Bean
    MigrationOwner migrationOwner(EmbeddedPostgres postgres) {
        return new MigrationOwner(postgres.getDatabase(DatabaseRoles.OWNER, "postgres"));
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        dataSource.setUsername(DatabaseRoles.APP);
        dataSource.setPoolName("greffe-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /** Matches when the standard Spring datasource URL is not set. */
    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
