package org.greffe.audit.infrastructure;

import org.flywaydb.core.Flyway;
import org.greffe.audit.application.AccessLog;
import org.greffe.audit.application.AppendAuthentication;
import org.greffe.audit.application.AuditChain;
import org.greffe.audit.application.TreeHeadSigner;
import org.greffe.platform.migration.ModuleMigrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
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

    /** The audit's tables, under its own Flyway history ({@link ModuleMigrations}). */
    @Bean(initMethod = "migrate")
    Flyway auditFlyway(DataSource dataSource, ObjectProvider<FlywayConfigurationCustomizer> roles) {
        return ModuleMigrations.of(dataSource, "audit", roles.orderedStream());
    }

    @Bean
    JdbcAccessLog accessLog(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                            AuditProperties properties, Flyway auditFlyway) {
        return new JdbcAccessLog(jdbc, streaming(dataSource, properties), snapshot(transactions));
    }

    /**
     * The sealer. The authentication codes of the events are checked by whoever holds their key: the application
     * that assembles the services provides the {@link AppendAuthentication}.
     */
    @Bean
    JdbcChainSealer chainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                AppendAuthentication authentication, JdbcMerkleTree merkleTree, Clock clock,
                                AuditProperties properties, Flyway auditFlyway) {
        // Read committed: the chain's guard trigger reads the head committed before it, after the sealer's lock.
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new JdbcChainSealer(jdbc, transaction, authentication, merkleTree, clock,
                properties.sealBatchSize(), properties.gapSettle(), properties.maxSealingLag());
    }

    @Bean
    JdbcMerkleTree merkleTree(JdbcTemplate jdbc, AppendAuthentication authentication, AuditProperties properties,
                              Flyway auditFlyway) {
        return new JdbcMerkleTree(jdbc, authentication, properties.sealBatchSize());
    }

    /**
     * The signed heads. The key that signs them is held by whoever holds the keys directory: the application that
     * assembles the services provides the {@link TreeHeadSigner}.
     */
    @Bean
    JdbcTreeHeads treeHeads(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcMerkleTree merkleTree,
                            AppendAuthentication authentication, TreeHeadSigner signer, Clock clock,
                            AuditProperties properties, Flyway auditFlyway) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new JdbcTreeHeads(jdbc, transaction, merkleTree, authentication, signer, clock,
                properties.sealBatchSize());
    }

    @Bean
    PostgresAuditTree auditTree(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditChain auditChain,
                                JdbcMerkleTree merkleTree, JdbcTreeHeads treeHeads, JdbcTreeVerifier treeVerifier,
                                TreeHeadSigner signer) {
        return new PostgresAuditTree(jdbc, snapshot(transactions), auditChain, merkleTree, treeHeads, treeVerifier,
                signer);
    }

    @Bean
    PostgresAuditChain auditChain(JdbcChainSealer sealer, AccessLog accessLog, AppendAuthentication authentication,
                                  JdbcMerkleTree merkleTree, JdbcTreeVerifier treeVerifier, DataSource dataSource,
                                  PlatformTransactionManager transactions, Clock clock, AuditProperties properties) {
        JdbcTemplate streaming = streaming(dataSource, properties);
        TransactionTemplate snapshot = snapshot(transactions);
        return new PostgresAuditChain(sealer, new JdbcChainVerifier(streaming, snapshot, authentication),
                new JdbcChainExporter(streaming, snapshot, merkleTree), accessLog, treeVerifier, clock,
                properties.statusRefresh());
    }

    @Bean
    JdbcTreeVerifier treeVerifier(DataSource dataSource, PlatformTransactionManager transactions,
                                  JdbcTreeHeads treeHeads, TreeHeadSigner signer, AuditProperties properties) {
        return new JdbcTreeVerifier(streaming(dataSource, properties), snapshot(transactions), treeHeads, signer);
    }

    /** PostgreSQL streams a result with a fetch size only inside a transaction. */
    private static JdbcTemplate streaming(DataSource dataSource, AuditProperties properties) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(properties.fetchSize());
        return streaming;
    }

    /** Repeatable read makes what a walk reads one consistent picture however long it takes. */
    private static TransactionTemplate snapshot(PlatformTransactionManager transactions) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot;
    }
}
