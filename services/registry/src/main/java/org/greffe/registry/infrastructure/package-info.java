/**
 * PostgreSQL adapters and Spring configuration of the registry: docket-number claims, idempotency records,
 * the configured reference data, and the registry's own Flyway migrations.
 */
package org.greffe.registry.infrastructure;
