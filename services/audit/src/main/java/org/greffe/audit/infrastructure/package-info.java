/** PostgreSQL access and Spring configuration of the audit service, with its own Flyway migrations. */
package org.greffe.audit.infrastructure;
