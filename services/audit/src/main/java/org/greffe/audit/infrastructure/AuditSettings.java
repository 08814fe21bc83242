package org.greffe.audit.infrastructure;

import org.greffe.events.OffenceCategory;
import org.greffe.measures.TimeStandards;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * What the audit service reads of the shared configuration: the tribunals ({@code greffe.tribunals}) and the time
 * standards of the measures ({@code greffe.caseload.*}), so that a replay measures exactly as the live caseload.
 *
 * @param tribunals the configured tribunals
 * @param caseload  the caseload settings that define the measures
 */
@ConfigurationProperties("greffe")
public record AuditSettings(List<Tribunal> tribunals, Caseload caseload) {

    public AuditSettings {
        tribunals = tribunals == null ? List.of() : List.copyOf(tribunals);
        caseload = caseload == null ? new Caseload(null, null) : caseload;
    }

    /** True when a tribunal with that id is configured. */
    public boolean knows(String tribunalId) {
        return tribunals.stream().anyMatch(tribunal -> tribunal.id().equals(tribunalId));
    }

    /**
     * A configured tribunal.
     *
     * @param id its id
     */
    public record Tribunal(String id) {
    }

    /**
     * The settings that define the measures.
     *
     * @param timeStandardDays default time standard, 365 days when unset
     * @param timeStandards    time standard per offence category
     */
    public record Caseload(Integer timeStandardDays, Map<OffenceCategory, Integer> timeStandards) {

        /** The time standards these settings define. */
        public TimeStandards standards() {
            return new TimeStandards(timeStandardDays == null ? TimeStandards.DEFAULT_DAYS : timeStandardDays,
                    timeStandards == null ? Map.of() : timeStandards);
        }
    }
}
