/**
 * The benchmark harness: runs the Greffe jar as a separate process against a PostgreSQL server, drives it over HTTP,
 * and measures each scenario next to a raw-JDBC baseline on the same server in the same run.
 */
package org.greffe.bench;
