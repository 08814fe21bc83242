package org.greffe.caseload.application;

import org.greffe.measures.TribunalCaseload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A monthly release of the published figures: every tribunal's months up to {@code month}, as the log stood when it
 * was made.
 *
 * @param month             the last month it covers
 * @param madeAt            when it was made
 * @param position          the caseload projection's log position then
 * @param projectionVersion the projection's version then (tokens and generation)
 */
public record Release(YearMonth month, Instant madeAt, long position, String projectionVersion) {

    /** How an answer names the release it comes from, in full: for clerks and auditors. */
    public TribunalCaseload.Release named(ZoneId courts) {
        return new TribunalCaseload.Release(month.toString(), LocalDate.ofInstant(madeAt, courts), madeAt, position);
    }
}
