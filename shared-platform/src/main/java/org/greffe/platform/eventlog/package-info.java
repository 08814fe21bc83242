/**
 * The one adapter for Axon's token table ({@code token_entry}) and the head of the event log
 * ({@code domain_event_entry}): the caseload's position, the auditors' pipeline metrics and the bulk rebuild all read
 * and move tokens through {@link org.greffe.platform.eventlog.TokenTable}, so the SQL on Axon's tables is written once.
 */
package org.greffe.platform.eventlog;
