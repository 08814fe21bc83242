package org.greffe.audit.infrastructure;

import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the audit service and migrates the tables it owns, with its own Flyway history. Scheduling is on for the
 * sealer, which seals new events every {@code greffe.audit.seal-delay-ms}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean(initMethod = "migrate")
    Flyway auditFlyway(DataSource dataSource) {
        return Flyway.configure()
                     .dataSource(dataSource)
                     .locations("classpath:db/audit")
                     .table("flyway_history_audit")
                     .baselineOnMigrate(true)
                     .baselineVersion("0")
                     .load();
    }

    @Bean
    JdbcAccessLog accessLog(JdbcTemplate jdbc, Flyway auditFlyway) {
        return new JdbcAccessLog(jdbc);
    }

    @Bean
    JdbcChainSealer chainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                AuditProperties properties, Flyway auditFlyway) {
        return new JdbcChainSealer(jdbc, new TransactionTemplate(transactions), clock, properties.sealBatchSize(),
                properties.gapSettle());
    }

    @Bean
    PostgresAuditChain auditChain(JdbcChainSealer sealer, DataSource dataSource,
                                  PlatformTransactionManager transactions, AuditProperties properties) {
        // PostgreSQL streams a result with a fetch size only inside a transaction; repeatable read makes the log
        // and the chain one consistent picture however long the walk takes.
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(properties.fetchSize());
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return new PostgresAuditChain(sealer, new JdbcChainVerifier(streaming, snapshot),
                new JdbcChainExporter(streaming, snapshot));
    }
}
