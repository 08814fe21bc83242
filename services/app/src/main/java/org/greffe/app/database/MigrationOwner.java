package org.greffe.app.database;

import javax.sql.DataSource;

/**
 * Connections as the role that owns the tables, for the migrations only: Greffe itself never uses them once started.
 *
 * @param dataSource connections as the owner role
 */
public record MigrationOwner(DataSource dataSource) {
}
