/**
 * Dispatch of registry commands: metadata on every event, and idempotent retries answered from the first response
 * within the same transaction as the events, so a retry never records twice. The CSV docket import turns each row
 * into one of those commands, with an idempotency key derived from the row, so a file imported twice records once.
 */
package org.greffe.registry.application;
