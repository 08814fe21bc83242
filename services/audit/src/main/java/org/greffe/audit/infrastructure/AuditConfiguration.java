package org.greffe.audit.infrastructure;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Wires the audit service and migrates the tables it owns, with its own Flyway history. */
@Configuration(proxyBeanMethods = false)
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
}
