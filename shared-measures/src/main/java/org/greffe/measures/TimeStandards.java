package org.greffe.measures;

import org.greffe.events.OffenceCategory;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many days a case of each offence category should take at most, from filing to disposition (the time
 * standard of CourTools 3 and 4). Set per category; categories without their own standard take the default.
 */
public final class TimeStandards {

    /** The standard when nothing else is configured: one year. */
    public static final int DEFAULT_DAYS = 365;

    private final int defaultDays;
    private final Map<OffenceCategory, Integer> byOffence;

    public TimeStandards(int defaultDays, Map<OffenceCategory, Integer> byOffence) {
        if (defaultDays < 1) {
            throw new IllegalArgumentException("the default time standard must be at least one day");
        }
        byOffence.forEach((offence, days) -> {
            if (days == null || days < 1) {
                throw new IllegalArgumentException("the time standard of " + offence + " must be at least one day");
            }
        });
        this.defaultDays = defaultDays;
        this.byOffence = byOffence.isEmpty() ? Map.of() : new EnumMap<>(byOffence);
    }

    /** One standard for every offence. */
    public static TimeStandards uniform(int days) {
        return new TimeStandards(days, Map.of());
    }

    /** The standard of an offence without its own, in days. */
    public int defaultDays() {
        return defaultDays;
    }

    /** The standard of the offence, in days. */
    public int days(OffenceCategory offence) {
        return byOffence.getOrDefault(offence, defaultDays);
    }
}
