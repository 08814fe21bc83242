package org.greffe.caseload.web;

import org.greffe.caseload.application.FirstView;
import org.greffe.events.DateBounds;
import org.greffe.platform.web.WordedProblem;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period a reader asked for, checked: dates as {@link DateBounds} reads them, in order, at most
 * {@link #LONGEST_YEARS} years apart, so that no request makes the server fold a century of months.
 *
 * @param from      first day
 * @param to        last day, the day of the stocks
 * @param fromGiven whether the reader chose {@code from} (else it is a year before {@code to})
 */
record Period(LocalDate from, LocalDate to, boolean fromGiven) {

    static final int LONGEST_YEARS = FirstView.LONGEST_YEARS;

    /**
     * @param from  the {@code from} parameter, or null
     * @param to    the {@code to} parameter, or null for today
     * @param today the courts' today
     */
    static Period of(String from, String to, LocalDate today) {
        LocalDate given = date("to", to);
        LocalDate end = given == null ? today : given;
        LocalDate chosen = date("from", from);
        LocalDate start = chosen == null ? later(DateBounds.EARLIEST, end.minusYears(1)) : chosen;
        if (start.isAfter(end)) {
            throw invalid("from (" + start + ") must not be after to (" + end + ")").worded("period-reversed",
                    WordedProblem.day(start), WordedProblem.day(end));
        }
        if (start.plusYears(LONGEST_YEARS).isBefore(end)) {
            throw invalid("the period from " + start + " to " + end + " is longer than " + LONGEST_YEARS
                    + " years; ask for " + LONGEST_YEARS + " years or less at a time").worded("period-too-long",
                    WordedProblem.day(start), WordedProblem.day(end), LONGEST_YEARS);
        }
        return new Period(start, end, chosen != null);
    }

    /**
     * The whole months a reader without exact figures gets: from the month of {@code from} to the last month that
     * ended on or before {@code to}, never after the release's last month; twelve months when {@code from} was not
     * given.
     */
    CaseloadController.Months months(YearMonth released) {
        YearMonth last = YearMonth.from(to);
        if (!to.equals(last.atEndOfMonth())) {
            last = last.minusMonths(1);
        }
        if (last.isAfter(released)) {
            last = released;
        }
        YearMonth first = fromGiven ? YearMonth.from(from) : last.minusMonths(11);
        return new CaseloadController.Months(first.isAfter(last) ? last : first, last);
    }

    /** One day parameter, read as a period's are: {@code null} when absent. */
    static LocalDate day(String parameter, String value) {
        return date(parameter, value);
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return DateBounds.date(parameter, value);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage()).worded("date", parameter, CaseloadProblem.abbreviated(value));
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static CaseloadProblem invalid(String detail) {
        return CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }
}
