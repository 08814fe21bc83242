/**
 * The auditors' side of Greffe: the complete history of any case, the caseload re-derived from the raw event log as
 * of any date and as known at any moment, a tamper-evident hash chain over the stored events, and verified rebuilds.
 * Reads the event store's tables directly, never the caseload projection, so that it can check it.
 */
package org.greffe.audit;
