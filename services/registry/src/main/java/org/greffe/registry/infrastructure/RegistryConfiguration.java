package org.greffe.registry.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.flywaydb.core.Flyway;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.MetaDataKeys;
import org.greffe.platform.migration.ModuleMigrations;
import org.greffe.platform.settings.Tribunals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** Wires the registry's adapters and migrates the tables it owns, with its own Flyway history. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {

    /** The registry's tables, under its own Flyway history ({@link ModuleMigrations}). */
    @Bean(initMethod = "migrate")
    Flyway registryFlyway(DataSource dataSource, ObjectProvider<FlywayConfigurationCustomizer> roles) {
        return ModuleMigrations.of(dataSource, "registry",
                configuration -> configuration.javaMigrations(new HashedIdempotencyKeys()), roles.orderedStream());
    }

    @Bean
    ConfiguredReferenceData referenceData(Tribunals tribunals, RegistryProperties properties) {
        return new ConfiguredReferenceData(tribunals, properties);
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
    PostgresCaseLocks caseLocks() {
        return new PostgresCaseLocks();
    }

    /** Copies who, why and from where of each command onto every event it applies. */
    @Bean
    CorrelationDataProvider requestMetaData() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ALL.toArray(String[]::new));
    }
}
