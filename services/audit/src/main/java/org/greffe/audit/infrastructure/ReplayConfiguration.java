package org.greffe.audit.infrastructure;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.greffe.audit.application.CaseloadReplay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the auditors' replays of the raw event log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
public class ReplayConfiguration {

    @Bean
    CaseloadReplay caseloadReplay(EventStorageEngine eventStorageEngine, AuditSettings settings) {
        return new CaseloadReplay(eventStorageEngine, settings.caseload().standards());
    }
}
