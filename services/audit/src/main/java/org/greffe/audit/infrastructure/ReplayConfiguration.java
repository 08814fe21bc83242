package org.greffe.audit.infrastructure;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.greffe.audit.application.CaseloadReplay;
import org.greffe.audit.application.ProjectionRebuild;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Wires the auditors' replays of the raw event log and the projection rebuild. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
public class ReplayConfiguration {

    @Bean
    JdbcTokenPositions tokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        return new JdbcTokenPositions(jdbc, serializer);
    }

    /** Rebuilds the processor named by {@code greffe.audit.rebuild-processor}, the caseload's by default. */
    @Bean
    ProjectionRebuild projectionRebuild(EventProcessingConfiguration processing, JdbcTokenPositions positions,
                                        Clock clock,
                                        @Value("${greffe.audit.rebuild-processor:caseload}") String processor) {
        return new ProjectionRebuild(processing, processor, positions, clock);
    }

    @Bean
    CaseloadReplay caseloadReplay(EventStorageEngine eventStorageEngine, AuditSettings settings) {
        return new CaseloadReplay(eventStorageEngine, settings.caseload().standards());
    }
}
