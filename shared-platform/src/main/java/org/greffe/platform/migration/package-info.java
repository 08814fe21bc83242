/**
 * How a service migrates the tables it owns: {@link org.greffe.platform.migration.ModuleMigrations}.
 */
package org.greffe.platform.migration;
