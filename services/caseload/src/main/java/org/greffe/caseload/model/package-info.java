/**
 * What the caseload knows of each case ({@link org.greffe.caseload.model.CaseRecord}, a pure fold of its events)
 * and how the measures are computed from it ({@link org.greffe.caseload.model.CaseloadCalculator}). No Spring and
 * no JDBC: the same code serves the live projection and any replay of the raw log.
 */
package org.greffe.caseload.model;
