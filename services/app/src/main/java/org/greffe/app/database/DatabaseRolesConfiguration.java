package org.greffe.app.database;

import org.flywaydb.core.Flyway;
import org.greffe.app.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * Migrations as the owner, Greffe as the runtime role, and the check at start that the runtime role and the server
 * are what they must be ({@link DatabaseSafety}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseRolesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRolesConfiguration.class);

    /**
     * On an external server: the owner's credentials when {@code greffe.database.owner.username} is set; otherwise
     * the runtime role migrates, and owns the tables (refused on real data by {@link DatabaseSafety}).
     */
    @Bean
    @Conditional(DatasourceConfigured.class)
    MigrationOwner externalMigrationOwner(DatabaseProperties properties, DataSource dataSource, Environment env) {
        DatabaseProperties.Owner owner = properties.owner();
        if (!StringUtils.hasText(owner.username())) {
            LOG.warn("No owner role for the migrations (GREFFE_DATABASE_OWNER_USERNAME): they run as the runtime role");
            return new MigrationOwner(dataSource);
        }
        return new MigrationOwner(new DriverManagerDataSource(env.getRequiredProperty("spring.datasource.url"),
                owner.username(), owner.password()));
    }

    /**
     * Every service's Flyway migrates through the owner's connections and grants the runtime role (the role of
     * Greffe's own connections, as the server names it) what its {@code afterMigrate__grants.sql} lists.
     */
    @Bean
    FlywayConfigurationCustomizer migrationRoles(MigrationOwner owner, DataSource dataSource) {
        String role = new JdbcTemplate(dataSource).queryForObject("SELECT quote_ident(current_user)", String.class);
        return configuration -> configuration.dataSource(owner.dataSource())
                                             .placeholders(Map.of("appRole", role));
    }

    /** Checked once every service has migrated, before anything is served or written. */
    @Bean
    DatabaseSafety databaseSafety(List<Flyway> migrated, DataSource dataSource, DatabaseProperties properties,
                                  Environment environment) {
        return DatabaseSafety.inspect(new JdbcTemplate(dataSource))
                             .enforce(properties, DemoMode.enabled(environment));
    }

    /** {@code databaseSafety} in health: UP, with what was allowed despite the check in the details. */
    @Bean
    HealthIndicator databaseSafetyHealthIndicator(DatabaseSafety safety) {
        return () -> Health.up()
                           .withDetail("role", safety.role())
                           .withDetail("leastPrivilege", safety.leastPrivilege())
                           .withDetail("privileges", safety.privileges())
                           .withDetail("durable", safety.durable())
                           .withDetail("nonDurableSettings", safety.durability())
                           .build();
    }

    /** Matches when {@code spring.datasource.url} is set: an external server. */
    static class DatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
