package org.greffe.caseload.application;

import java.time.LocalDate;

/**
 * The period the dashboard opens on, before its visitor picks another: set by the deployment, or drawn from the
 * caseload itself so that every tribunal's whole history is in view.
 *
 * @param from the first day: {@code greffe.dashboard.first-view-from}, else January 1st of the year of the earliest
 *             filing Greffe holds (only its year is told: no case's date), else a year before {@code to}
 * @param to   the last day, on which the stocks are counted: {@code greffe.dashboard.first-view-to} (the report's date,
 *             3 June 2020, in demo mode), else today
 */
public record FirstView(LocalDate from, LocalDate to) {

    /**
     * The configured days, each {@code null} when not configured.
     *
     * @param from {@code greffe.dashboard.first-view-from}
     * @param to   {@code greffe.dashboard.first-view-to}
     */
    public record Settings(LocalDate from, LocalDate to) {

        public Settings {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("greffe.dashboard.first-view-from (" + from
                        + ") must not be after greffe.dashboard.first-view-to (" + to + ")");
            }
        }
    }

    /**
     * The first view for the settings, today and the earliest filing.
     *
     * @param settings       the configured days
     * @param today          today, in the courts' time zone
     * @param earliestFiling the earliest filing date of any case, or {@code null} before the first
     */
    public static FirstView of(Settings settings, LocalDate today, LocalDate earliestFiling) {
        LocalDate to = settings.to() != null ? settings.to() : today;
        LocalDate from = settings.from();
        if (from == null) {
            from = earliestFiling == null || earliestFiling.isAfter(to) ? to.minusYears(1)
                    : LocalDate.of(earliestFiling.getYear(), 1, 1);
        }
        return new FirstView(from.isAfter(to) ? to : from, to);
    }
}
