/**
 * What every service shares beyond the events ({@code org.greffe.events}) and the measures
 * ({@code org.greffe.measures}), each concern with one owner that the services ask: Axon's token table and the log's
 * head ({@link org.greffe.platform.eventlog}), the configuration every service reads
 * ({@link org.greffe.platform.settings}), and how a service migrates the tables it owns
 * ({@link org.greffe.platform.migration}).
 */
package org.greffe.platform;
