package org.greffe.measures;

import org.greffe.events.SuspensionReason;

import java.time.LocalDate;

/**
 * A period during which a case was suspended: it stays pending but is not active, and the time does not age it.
 *
 * @param from   first day suspended
 * @param to     day it was resumed (or disposed of), or {@code null} while still suspended
 * @param reason why it was suspended; {@code null} in a record folded by a release that did not keep it, until the
 *               projection is rebuilt
 */
public record Suspension(LocalDate from, LocalDate to, SuspensionReason reason) {


    /** Suspended on the day. */
    public boolean covers(LocalDate day) {
        return !from.isAfter(day) && (to == null || to.isAfter(day));
    }

    /** Days of this suspension within {@code [start, end)}. */
    public long daysWithin(LocalDate start, LocalDate end) {
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = to == null || to.isAfter(end) ? end : to;
        return a.isBefore(b) ? java.time.temporal.ChronoUnit.DAYS.between(a, b) : 0;
    }
}
