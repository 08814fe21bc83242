package org.greffe.registry.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.MetaDataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Map;

/** Wires the registry's adapters and migrates the tables it owns, with its own Flyway history. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {

    /**
     * Migrates as the owner role and then grants Greffe's runtime role what {@code afterMigrate__grants.sql} lists,
     * when the application provides them (a {@link FlywayConfigurationCustomizer}); alone, as the connecting role.
     */
    @Bean(initMethod = "migrate")
    Flyway registryFlyway(DataSource dataSource, ObjectProvider<FlywayConfigurationCustomizer> roles) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/registry")
                .javaMigrations(new HashedIdempotencyKeys())
                .table("flyway_history_registry")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("appRole", "CURRENT_USER"));
        roles.orderedStream().forEach(customizer -> customizer.customize(configuration));
        return configuration.load();
    }

    @Bean
    ConfiguredReferenceData referenceData(RegistryProperties properties) {
        return new ConfiguredReferenceData(properties);
    }

    @Bean
    JdbcDocketNumbers docketNumbers(JdbcTemplate jdbc, Flyway registryFlyway) {
        return new JdbcDocketNumbers(jdbc);
    }

    @Bean
    JdbcIdempotencyStore idempotencyStore(JdbcTemplate jdbc, ObjectMapper objectMapper, Flyway registryFlyway) {
        return new JdbcIdempotencyStore(jdbc, objectMapper);
    }

    /** Read once at start-up: the secret never changes while the deployment lives. */
    @Bean
    ClientReferences clientReferences(JdbcTemplate jdbc, Flyway registryFlyway) {
        return new ClientReferences(DeploymentSecret.load(jdbc, DeploymentSecret.CLIENT_REFERENCES));
    }

    @Bean
    PostgresCaseLocks caseLocks(JdbcTemplate jdbc) {
        return new PostgresCaseLocks(jdbc);
    }

    /** Copies who, why and from where of each command onto every event it applies. */
    @Bean
    CorrelationDataProvider requestMetaData() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ALL.toArray(String[]::new));
    }
}
