package org.greffe.app.integrity;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.greffe.audit.application.AppendAuthentication;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

/**
 * Authenticated appends: the keys from {@code greffe.keys.dir} (default {@code .greffe/keys}, like the embedded
 * database's {@code .greffe/data}), the event store that records a code with every event, and the check of the
 * codes handed to the audit service.
 */
@Configuration(proxyBeanMethods = false)
class AppendAuthenticationConfiguration {

    /**
     * The keys, once the event store's tables exist. The log's newest authenticated event names the key this
     * instance must hold: a keys directory without it is the wrong one, and Greffe refuses to start.
     */
    @Bean
    AppendKeys appendKeys(@Value("${greffe.keys.dir:.greffe/keys}") String dir, JdbcTemplate jdbc,
                          Flyway eventStoreFlyway) {
        String newest = jdbc.query("""
                SELECT a.key_id FROM domain_event_entry e
                JOIN event_authentication a ON a.event_identifier = e.event_identifier
                WHERE e.global_index > (SELECT unauthenticated_through FROM event_authentication_start)
                ORDER BY e.global_index DESC LIMIT 1""", rs -> rs.next() ? rs.getString(1) : null);
        return AppendKeys.open(Path.of(dir), newest);
    }

    /**
     * Axon's JDBC event store as Axon's auto-configuration builds it, recording the codes as it appends, except that
     * it uses no snapshot: Greffe takes none, and one written into {@code snapshot_event_entry} by hand would be the
     * state the next command is decided on. Every aggregate is loaded from its events: the engine never queries the
     * snapshot table ({@link AuthenticatedEventStorageEngine}), and the filter would reject whatever it found.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver exceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider, TransactionManager transactions,
                                          EventSchema schema, AppendKeys keys) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                                                                       .snapshotSerializer(serializer)
                                                                       .upcasterChain(axon.upcasterChain())
                                                                       .persistenceExceptionResolver(exceptionResolver)
                                                                       .eventSerializer(eventSerializer)
                                                                       .snapshotFilter(SnapshotFilter.rejectAll())
                                                                       .connectionProvider(connectionProvider)
                                                                       .transactionManager(transactions)
                                                                       .schema(schema);
        return new AuthenticatedEventStorageEngine(builder, transactions, keys);
    }

    /** Signs the tree heads of the audit service with {@code head-signing.key} from the same directory. */
    @Bean
    HeadSigningKeys headSigningKeys(@Value("${greffe.keys.dir:.greffe/keys}") String dir) {
        return HeadSigningKeys.open(Path.of(dir));
    }

    /** Lets the audit service's sealer and verification check the codes without ever holding a key. */
    @Bean
    AppendAuthentication appendAuthentication(JdbcTemplate jdbc, AppendKeys keys) {
        return new JdbcAppendAuthentication(jdbc, keys);
    }
}
