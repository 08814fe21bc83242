/**
 * The caseload: the read side for justice-sector advocates. Projects the event log into one record per case, and
 * computes the court-performance measures (CourTools, CEPEJ) of any tribunal for any period from those records.
 */
package org.greffe.caseload;
