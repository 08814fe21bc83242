package org.greffe.audit.infrastructure;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.greffe.audit.application.CaseloadReplay;
import org.greffe.audit.application.ForecastReplay;
import org.greffe.audit.application.ProjectionRebuild;
import org.greffe.audit.application.RebuildStatus;
import org.greffe.audit.application.RebuildTarget;
import org.greffe.platform.eventlog.TokenTable;
import org.greffe.platform.settings.TimeStandardSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the auditors' replays of the raw event log and the projection rebuild. */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

    @Bean
    TokenTablePositions tokenPositions(TokenTable tokenTable) {
        return new TokenTablePositions(tokenTable);
    }

    /**
     * The log read case by case, through the serializer and the upcasters Axon reads events with (the upcaster
     * chain is taken from Axon's configuration when first needed, once every upcaster is registered).
     */
    @Bean
    JdbcCaseStreams caseStreams(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                                org.axonframework.config.Configuration axon) {
        EventUpcaster upcasters = events -> axon.upcasterChain().upcast(events);
        return new JdbcCaseStreams(dataSource, eventSerializer, upcasters);
    }

    /**
     * Rebuilds the processor named by {@code greffe.audit.rebuild-processor} (the caseload's by default), by the
     * method {@code greffe.audit.rebuild-method} names: {@code bulk} (the default) or {@code replay}.
     */
    @Bean
    ProjectionRebuild projectionRebuild(EventProcessingConfiguration processing, TokenTablePositions positions,
                                        JdbcCaseStreams streams, RebuildTarget target, Clock clock,
                                        @Value("${greffe.audit.rebuild-processor:caseload}") String processor,
                                        @Value("${greffe.audit.rebuild-method:bulk}") String method) {
        return new ProjectionRebuild(processing, processor, positions, streams, target, RebuildStatus.Method.of(method),
                clock);
    }

    @Bean
    ForecastReplay forecastReplay(JdbcCaseStreams streams, TimeStandardSettings timeStandards) {
        return new ForecastReplay(streams, timeStandards.standards());
    }

    @Bean
    CaseloadReplay caseloadReplay(JdbcCaseStreams streams, TimeStandardSettings timeStandards) {
        return new CaseloadReplay(streams, timeStandards.standards());
    }
}
