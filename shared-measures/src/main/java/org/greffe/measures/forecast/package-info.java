/**
 * Backlog forecasts: a monthly stock-and-flow model of one tribunal's pending cases ({@link
 * org.greffe.measures.forecast.BacklogForecast}), driven by the tribunal's own past months, and the two ways of
 * building its starting point ({@link org.greffe.measures.forecast.ForecastInputs}): from the exact case records (for
 * clerks and auditors, and for the auditors' re-run of a past forecast) or from a published release alone (for
 * everyone else, so that a forecast discloses nothing the release did not). Pure and seeded: the same inputs give the
 * same forecast.
 */
package org.greffe.measures.forecast;
