/**
 * Greffe's own meters, next to Spring's and Axon's in {@code /actuator/prometheus}: the caseload per tribunal, the
 * events appended, how far each processor lags behind the log, whether it is stuck on an event, and the progress of a
 * projection rebuild.
 */
package org.greffe.app.metrics;
