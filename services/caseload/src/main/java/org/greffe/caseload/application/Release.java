package org.greffe.caseload.application;

import org.greffe.measures.TribunalCaseload;

import java.time.Instant;
import java.time.YearMonth;

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

    /** How an answer names the release it comes from. */
    public TribunalCaseload.Release named() {
        return new TribunalCaseload.Release(month.toString(), madeAt, position);
    }
}
