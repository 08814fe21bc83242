/**
 * The runnable Greffe application: assembles the services, configures the Axon event store on PostgreSQL, and
 * starts an embedded PostgreSQL when no datasource is configured.
 */
package org.greffe.app;
