/**
 * The one adapter for Axon's token table ({@code token_entry}) and the head of the event log
 * ({@code domain_event_entry}): the caseload's position, the auditors' pipeline metrics and the bulk rebuild all read
 * and move tokens through {@link org.greffe.platform.eventlog.TokenTable}, so the SQL on Axon's tables is written once.
 * The writers' locks on the log's streams ({@link org.greffe.platform.eventlog.StreamLocks}) have their one owner here
 * too: the registry asks for a case's lock, the event store takes it with the case's read.
 */
package org.greffe.platform.eventlog;
