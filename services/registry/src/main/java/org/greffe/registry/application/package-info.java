/**
 * Dispatch of registry commands: metadata on every event, and idempotent retries answered from the first response
 * within the same transaction as the events, so a retry never records twice; every refusal a {@code Rejection},
 * worded once ({@code Problem}). The CSV docket import, which drives the same path, is in {@code docket}.
 */
package org.greffe.registry.application;
