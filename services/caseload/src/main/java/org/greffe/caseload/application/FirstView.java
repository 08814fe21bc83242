package org.greffe.caseload.application;

import org.greffe.events.DateBounds;

import java.time.LocalDate;

/**
 * The period the dashboard opens on, before its visitor picks another: set by the deployment, else the longest period
 * the caseload answers, so that every tribunal's history is in view. It never depends on what was recorded: drawn
 * from the data (the year of the earliest filing, say), it would tell a reader of the published figures, at once and
 * before the monthly release, that a single early case had just been recorded.
 *
 * @param from the first day: {@code greffe.dashboard.first-view-from} (where the registry's records begin; 2015-01-01
 *             in demo mode, the demo docket's first year), else {@link #LONGEST_YEARS} years before {@code to}
 * @param to   the last day, on which the stocks are counted: {@code greffe.dashboard.first-view-to} (the report's date,
 *             3 June 2020, in demo mode), else today
 */
public record FirstView(LocalDate from, LocalDate to) {

    /** The longest period a reader may ask for, in years: the first view is never longer. */
    public static final int LONGEST_YEARS = 10;

    /**
     * The configured days, each {@code null} when not configured.
     *
     * @param from {@code greffe.dashboard.first-view-from}
     * @param to   {@code greffe.dashboard.first-view-to}
     */
    public record Settings(LocalDate from, LocalDate to) {

        public Settings {
            for (LocalDate day : new LocalDate[]{from, to}) {
                if (day != null && (day.isBefore(DateBounds.EARLIEST) || day.isAfter(DateBounds.LATEST))) {
                    throw new IllegalArgumentException("greffe.dashboard.first-view-from and -to must be days from "
                            + DateBounds.EARLIEST + " to " + DateBounds.LATEST + ", not " + day);
                }
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("greffe.dashboard.first-view-from (" + from
                        + ") must not be after greffe.dashboard.first-view-to (" + to + ")");
            }
            if (from != null && to != null && from.plusYears(LONGEST_YEARS).isBefore(to)) {
                throw new IllegalArgumentException("greffe.dashboard.first-view-from (" + from + ") and -to (" + to
                        + ") are more than " + LONGEST_YEARS + " years apart, longer than any period the caseload "
                        + "answers");
            }
        }
    }

    /**
     * The first view for the settings and today.
     *
     * @param settings the configured days
     * @param today    today, in the courts' time zone
     */
    public static FirstView of(Settings settings, LocalDate today) {
        LocalDate to = settings.to() != null ? settings.to() : today;
        LocalDate earliest = to.minusYears(LONGEST_YEARS);
        LocalDate from = settings.from() == null || settings.from().isBefore(earliest) ? earliest : settings.from();
        return new FirstView(from.isAfter(to) ? to : from, to);
    }
}
