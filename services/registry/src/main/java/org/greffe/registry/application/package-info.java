/**
 * Dispatch of registry commands: metadata on every event, and idempotent retries answered from the first response
 * within the same transaction as the events, so a retry never records twice.
 */
package org.greffe.registry.application;
