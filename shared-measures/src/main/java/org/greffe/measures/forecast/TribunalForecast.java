package org.greffe.measures.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A forecast as the API serves it: the tribunal, what it stands on, and the forecast.
 *
 * @param tribunalId  the tribunal
 * @param figures     {@code exact} (the case records, for clerks and auditors) or {@code published} (the latest
 *                    release's cells alone, for everyone else)
 * @param release     the release it stands on, for {@code published}
 * @param position    the log position it stands on, for {@code exact}
 * @param asOf        the day it starts from
 * @param months      month by month
 * @param clearance   when the backlog is cleared
 * @param assumptions what it assumed
 * @param history     the basis months
 */
public record TribunalForecast(String tribunalId, String figures, String release, Long position, LocalDate asOf,
                               List<Forecast.Month> months, Forecast.Clearance clearance,
                               Forecast.Assumptions assumptions, List<ForecastInput.BasisMonth> history) {

    /** A forecast from exact figures, at a log position. */
    public static TribunalForecast exact(String tribunalId, long position, Forecast forecast) {
        return new TribunalForecast(tribunalId, "exact", null, position, forecast.asOf(), forecast.months(),
                forecast.clearance(), forecast.assumptions(), forecast.history());
    }

    /** A forecast from a release's published cells. */
    public static TribunalForecast published(String tribunalId, String release, Forecast forecast) {
        return new TribunalForecast(tribunalId, "published", release, null, forecast.asOf(), forecast.months(),
                forecast.clearance(), forecast.assumptions(), forecast.history());
    }
}
