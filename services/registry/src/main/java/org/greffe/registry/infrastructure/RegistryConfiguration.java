package org.greffe.registry.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.flywaydb.core.Flyway;
import org.greffe.registry.application.CaseFiles;
import org.greffe.registry.application.CaseLocks;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.docket.DocketImport;
import org.greffe.registry.application.docket.DocketImportSettings;
import org.greffe.registry.application.docket.ImportJobs;
import org.greffe.registry.application.MetaDataKeys;
import org.greffe.registry.model.CaseAggregate;
import org.greffe.platform.migration.ModuleMigrations;
import org.greffe.platform.settings.Tribunals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

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

    /** The target of a case command, as {@link org.greffe.registry.model.Case}'s {@code @Aggregate} names it. */
    @Bean(CaseAggregate.TARGET_BEAN)
    CommandTargetResolver caseCommandTarget() {
        return CaseAggregate.TARGET;
    }

    @Bean
    PostgresCaseLocks caseLocks(JdbcTemplate jdbc) {
        return new PostgresCaseLocks(jdbc);
    }

    /**
     * The stored events of a docket chunk's cases, read with the serializer and upcasters Axon loads aggregates with
     * (the upcaster chain is taken from Axon's configuration when first needed, once every upcaster is registered).
     */
    @Bean
    JdbcCaseEventHistories caseEventHistories(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                                              org.axonframework.config.Configuration axon) {
        EventUpcaster upcasters = events -> axon.upcasterChain().upcast(events);
        return new JdbcCaseEventHistories(jdbc, serializer, upcasters);
    }

    @Bean
    CaseFiles caseFiles(JdbcCaseEventHistories histories, JdbcDocketNumbers docketNumbers) {
        return new CaseFiles(histories, docketNumbers);
    }

    @Bean
    DocketImportSettings docketImportSettings(
            @Value("${greffe.docket-import.max-bytes:209715200}") long maxBytes,
            @Value("${greffe.docket-import.max-rows:2000000}") int maxRows,
            @Value("${greffe.docket-import.max-reported-rejections:1000}") int maxReportedRejections,
            @Value("${greffe.docket-import.progress-every:10000}") int progressEvery,
            @Value("${greffe.docket-import.chunk-rows:1000}") int chunkRows) {
        return new DocketImportSettings(maxBytes, maxRows, maxReportedRejections, progressEvery, chunkRows);
    }

    /**
     * The docket import, appending through Axon's event store and giving events the metadata of the application's
     * command bus (its correlation-data providers, asked for at the first import).
     */
    @Bean
    DocketImport docketImport(TransactionTemplate transaction, JdbcDocketNumbers docketNumbers,
                              JdbcIdempotencyStore idempotency, CaseLocks locks, JdbcCaseEventHistories histories,
                              EventBus eventBus, org.axonframework.config.Configuration axon,
                              ConfiguredReferenceData referenceData, Clock clock, DocketImportSettings settings) {
        return new DocketImport(transaction, docketNumbers, idempotency, locks, histories, eventBus,
                axon::correlationDataProviders, referenceData, clock, settings);
    }

    @Bean
    JdbcImportJobStore importJobStore(JdbcTemplate jdbc, Flyway registryFlyway) {
        return new JdbcImportJobStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    ImportJobs importJobs(DocketImport docketImport, JdbcImportJobStore store, Clock clock,
                          @Value("${greffe.docket-import.stale-after:PT1M}") Duration staleAfter) {
        return new ImportJobs(docketImport, store, clock, staleAfter);
    }

    /** Copies who, why and from where of each command onto every event it applies. */
    @Bean
    CorrelationDataProvider requestMetaData() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ALL.toArray(String[]::new));
    }
}
