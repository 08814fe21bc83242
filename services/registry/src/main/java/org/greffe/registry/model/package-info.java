/**
 * The case lifecycle: commands, the {@code Case} aggregate that checks every rule before it applies an event, and
 * the ports it needs from the outside world (reference data, docket numbers). No Spring web and no JDBC here.
 */
package org.greffe.registry.model;
