package org.greffe.measures;

/**
 * One month of a tribunal's timeline.
 *
 * @param month      {@code YYYY-MM}
 * @param incoming   cases that came in during the month (within the requested period)
 * @param outgoing   cases that went out during the month (within the requested period)
 * @param pendingEnd cases pending at the end of the month (or at the end of the period, if earlier)
 */
public record MonthFigures(String month, int incoming, int outgoing, int pendingEnd) {
}
