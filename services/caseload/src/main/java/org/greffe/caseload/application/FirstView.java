package org.greffe.caseload.application;

import org.greffe.events.DateBounds;

import java.time.LocalDate;

/**
 * The period the dashboard opens on, before its visitor picks another: set by the deployment, or drawn from the
 * caseload itself so that every tribunal's whole history is in view.
 *
 * @param from the first day: {@code greffe.dashboard.first-view-from}, else January 1st of the year of the earliest
 *             filing Greffe holds (only its year is told: no case's date), else a year before {@code to}; never more
 *             than {@link #LONGEST_YEARS} years before {@code to}, the longest period the caseload answers
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
        LocalDate earliest = to.minusYears(LONGEST_YEARS);
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        return new FirstView(from.isAfter(to) ? to : from, to);
    }
}
