package org.greffe.caseload.web;

import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The period a reader asked for, checked: dates as {@code YYYY-MM-DD} from {@link #EARLIEST} to {@link #LATEST}, in
 * order, at most {@link #LONGEST_YEARS} years apart, so that no request makes the server fold a century of months.
 *
 * @param from      first day
 * @param to        last day, the day of the stocks
 * @param fromGiven whether the reader chose {@code from} (else it is a year before {@code to})
 */
record Period(LocalDate from, LocalDate to, boolean fromGiven) {

    static final LocalDate EARLIEST = LocalDate.of(1960, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    static final int LONGEST_YEARS = 10;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                                                                  .withResolverStyle(ResolverStyle.STRICT);

    /**
     * @param from  the {@code from} parameter, or null
     * @param to    the {@code to} parameter, or null for today
     * @param today the courts' today
     */
    static Period of(String from, String to, LocalDate today) {
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? later(EARLIEST, end.minusYears(1)) : date("from", from);
        if (start.isAfter(end)) {
            throw invalid("from (" + start + ") must not be after to (" + end + ")");
        }
        if (start.plusYears(LONGEST_YEARS).isBefore(end)) {
            throw invalid("the period from " + start + " to " + end + " is longer than " + LONGEST_YEARS
                    + " years; ask for " + LONGEST_YEARS + " years or less at a time");
        }
        return new Period(start, end, from != null);
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

    private static LocalDate date(String parameter, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO);
        } catch (DateTimeParseException e) {
            throw invalid(parameter + " must be a date as YYYY-MM-DD, e.g. 2020-06-03 (got '"
                    + CaseloadProblem.abbreviated(value) + "')");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw invalid(parameter + " must be a date from " + EARLIEST + " to " + LATEST + " (got " + date + ")");
        }
        return date;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static CaseloadProblem invalid(String detail) {
        return CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }
}
