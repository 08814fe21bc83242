/**
 * PostgreSQL storage of the case records, the caseload processor's configuration, the caseload's own Flyway
 * migrations, and its settings (time standards, tribunals).
 */
package org.greffe.caseload.infrastructure;
