package org.greffe.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.greffe.platform.eventlog.LogPositions;
import org.greffe.platform.eventlog.TokenTable;
import org.greffe.platform.migration.ModuleMigrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The Axon event store on PostgreSQL: tables created by Flyway (bytea payloads, no large objects), JSON for events,
 * metadata, tokens and snapshots, and the clock the registry dates "today" with.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** How long the event store's reader waits for new events before it asks the database again. */
    static final long FETCH_DELAY_MILLIS = 100;

    /**
     * Creates the event store and token tables before Axon touches them, as the owner role, and grants Greffe's
     * runtime role what {@code afterMigrate__grants.sql} lists ({@code org.greffe.app.database.MigrationRoles}).
     */
    @Bean(initMethod = "migrate")
    Flyway eventStoreFlyway(DataSource dataSource, ObjectProvider<FlywayConfigurationCustomizer> roles) {
        return ModuleMigrations.of(dataSource, "eventstore", roles.orderedStream());
    }

    /** The one adapter for the token table and the log's head, which the caseload, the audit and the app share. */
    @Bean
    TokenTable tokenTable(JdbcTemplate jdbc, Serializer serializer, Flyway eventStoreFlyway) {
        return new TokenTable(jdbc, serializer);
    }

    /**
     * Axon's event store with a shorter fetch delay. Its one reader of the log for every processor waits this long
     * for new events when it found none; a commit on this instance wakes it at once, but Axon does so when its unit of
     * work commits, which here is before the surrounding database transaction does ({@code CaseCommands}): the reader
     * wakes, finds nothing yet, and would sleep a full second by default, which every reader of figures waited after
     * a write. Every 100 ms it asks PostgreSQL one indexed question instead; events committed on other instances are
     * found as quickly.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(FETCH_DELAY_MILLIS)
                                 .build();
    }

    /** Where accepted commands' events stand in the log, for the clients that wait for their own writes. */
    @Bean
    LogPositions logPositions(JdbcTemplate jdbc, Flyway eventStoreFlyway) {
        return new LogPositions(jdbc);
    }

    /** PostgreSQL reports a unique-key violation as SQLState 23505, which Axon must see as a concurrent append. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                if (cause instanceof SQLException sql && sql.getNextException() != null
                        && "23505".equals(sql.getNextException().getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Axon's default names are camel case; ours follow PostgreSQL's snake case, as created by Flyway. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .eventIdentifierColumn("event_identifier")
                          .metaDataColumn("meta_data")
                          .payloadColumn("payload")
                          .payloadRevisionColumn("payload_revision")
                          .payloadTypeColumn("payload_type")
                          .timestampColumn("time_stamp")
                          .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("timestamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * The JSON form of stored events: ISO dates, null fields written out. Pinned by the golden files of
     * shared-events, which use the same settings.
     */
    static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }

    /** "Today" for the registry's date rules, in the courts' time zone. */
    @Bean
    Clock clock(GreffeProperties properties) {
        return Clock.system(ZoneId.of(properties.timeZone()));
    }
}
