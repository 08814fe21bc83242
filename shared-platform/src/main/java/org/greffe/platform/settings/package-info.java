/**
 * The configuration several services read, each key bound once here and injected where it is needed: the tribunals
 * of the reference data ({@code greffe.tribunals}) and the time standards that define the measures
 * ({@code greffe.caseload.time-standard-days} and {@code greffe.caseload.time-standards}), which the live caseload and
 * the auditors' replay must share.
 */
package org.greffe.platform.settings;
