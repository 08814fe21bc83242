/**
 * PostgreSQL adapters and Spring configuration of the registry: docket-number claims, idempotency records, the
 * deployment's secret, the configured reference data (docket-number formats included), and the registry's own
 * Flyway migrations.
 */
package org.greffe.registry.infrastructure;
