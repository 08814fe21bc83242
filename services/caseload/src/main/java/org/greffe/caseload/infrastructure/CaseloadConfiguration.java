package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.greffe.caseload.application.CaseloadProperties;
import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.application.ProjectionPosition;
import org.greffe.caseload.application.Releases;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.caseload.projection.CaseloadProjection;
import org.greffe.platform.eventlog.TokenTable;
import org.greffe.platform.migration.ModuleMigrations;
import org.greffe.platform.settings.TimeStandardSettings;
import org.greffe.platform.settings.Tribunals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the caseload: its tables and Flyway history, the store of case records, and the projection's pooled
 * streaming processor. A failing batch is retried, never skipped: a figure must not silently miss an event; a batch
 * that keeps failing shows in health and metrics ({@link ProjectionHealth}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseloadProperties.class)
public class CaseloadConfiguration {

    /** How often the processor renews its claims and looks for segments no live instance holds. */
    static final long CLAIM_RENEWAL_MILLIS = 1000;

    /** The caseload's tables, under its own Flyway history ({@link ModuleMigrations}). */
    @Bean(initMethod = "migrate")
    Flyway caseloadFlyway(DataSource dataSource, ObjectProvider<FlywayConfigurationCustomizer> roles) {
        return ModuleMigrations.of(dataSource, "caseload", roles.orderedStream());
    }

    @Bean
    JdbcCaseRecordStore caseRecordStore(JdbcTemplate jdbc, Flyway caseloadFlyway) {
        return new JdbcCaseRecordStore(jdbc, recordJson());
    }

    /** The JSON form of stored case records: ISO dates; a record missing a field it needs cannot be read. */
    static ObjectMapper recordJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                                 .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    CaseloadCalculator caseloadCalculator(TimeStandardSettings timeStandards) {
        return new CaseloadCalculator(timeStandards.standards());
    }

    @Bean
    JdbcReleaseStore releaseStore(JdbcTemplate jdbc, TransactionTemplate transaction, Flyway caseloadFlyway) {
        return new JdbcReleaseStore(jdbc, transaction, recordJson());
    }

    @Bean
    Releases releases(JdbcReleaseStore store, CaseRecordStore records, ProjectionPosition caseloadPosition,
                      Tribunals catalog, CaseloadProperties properties, TimeStandardSettings timeStandards,
                      EventStore eventStore, PlatformTransactionManager transactions, Clock clock) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return new Releases(store, records, caseloadPosition, catalog, new MonthlyCaseload(timeStandards.standards()),
                new EventStoreCaseHistories(eventStore), properties.smallCellThreshold(), snapshot, clock);
    }

    @Bean
    ReleaseSchedule releaseSchedule(Releases releases) {
        return new ReleaseSchedule(releases);
    }

    @Bean
    CaseloadSummaries caseloadSummaries(CaseRecordStore store, CaseloadCalculator calculator,
                                        Tribunals catalog) {
        return new CaseloadSummaries(store, calculator, catalog);
    }

    @Bean
    JdbcCatchUpProgress catchUpProgress(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                        Flyway caseloadFlyway) {
        return new JdbcCatchUpProgress(jdbc, transactions);
    }

    @Bean
    ProjectionPosition caseloadPosition(TokenTable tokenTable, JdbcCatchUpProgress catchUpProgress) {
        return new ProjectionPosition(tokenTable, JdbcCaseRecordStore.GENERATION_QUERY,
                CaseloadProjection.PROCESSOR, catchUpProgress);
    }

    @Bean
    ProjectionFailures caseloadFailures(Clock clock) {
        return new ProjectionFailures(clock);
    }

    @Bean
    ProjectionHealth caseloadHealth(ProjectionFailures caseloadFailures, ProjectionPosition caseloadPosition,
                                    JdbcTemplate jdbc) {
        return new ProjectionHealth(caseloadFailures, caseloadPosition, jdbc);
    }

    /** Both error handlers let every failure through (the batch is retried) and remember it (see the failures). */
    @Bean
    ConfigurerModule caseloadProcessor(CaseloadProperties properties, ProjectionFailures caseloadFailures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(CaseloadProjection.PROCESSOR, Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(properties.batchSize())
                                                           .initialSegmentCount(properties.segments())
                                                           // renew claims, and look for free segments, every second:
                                                           // with the token store's 3 s claim timeout, a killed
                                                           // instance's segments move on within about 4 s
                                                           .claimExtensionThreshold(CLAIM_RENEWAL_MILLIS)
                                                           .tokenClaimInterval(CLAIM_RENEWAL_MILLIS))
                .registerListenerInvocationErrorHandler(CaseloadProjection.PROCESSOR,
                        configuration -> caseloadFailures)
                .registerErrorHandler(CaseloadProjection.PROCESSOR, configuration -> caseloadFailures));
    }
}
