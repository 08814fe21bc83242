package org.greffe.platform.settings;

import org.greffe.events.OffenceCategory;
import org.greffe.measures.TimeStandards;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The time standards that define the measures, {@code greffe.caseload.time-standard-days} and
 * {@code greffe.caseload.time-standards}: the live caseload and the auditors' replay measure with the same ones, so
 * they are bound once, here. The caseload's other settings stay with the caseload.
 *
 * @param timeStandardDays default time standard in days; {@link TimeStandards#DEFAULT_DAYS} (365) when unset
 * @param timeStandards    time standard per offence category, in days, overriding the default
 */
@ConfigurationProperties("greffe.caseload")
public record TimeStandardSettings(Integer timeStandardDays, Map<OffenceCategory, Integer> timeStandards) {

    public TimeStandardSettings {
        timeStandardDays = timeStandardDays == null ? TimeStandards.DEFAULT_DAYS : timeStandardDays;
        timeStandards = timeStandards == null ? Map.of() : Map.copyOf(timeStandards);
    }

    /** The time standards these settings define. */
    public TimeStandards standards() {
        return new TimeStandards(timeStandardDays, timeStandards);
    }
}
