/**
 * The measures of Greffe, shared by every service that computes figures: what is known of each case
 * ({@link org.greffe.measures.CaseRecord}, a pure fold of its events) and how court-performance figures are computed
 * from such records ({@link org.greffe.measures.CaseloadCalculator}), and how the small cells of a published table
 * are withheld ({@link org.greffe.measures.SmallCells}). No Spring and no JDBC: the live caseload projection and an
 * auditor's replay of the raw log use this same code, so they cannot disagree on a definition.
 */
package org.greffe.measures;
