/**
 * The published language of Greffe: what happened to a case, as immutable records.
 *
 * <p>These types are stored for ever in the event log, read by every service and by third-party verifiers, so they
 * depend on nothing but the JDK, Axon's {@code @Revision} and Jackson's annotations (which fix their JSON form
 * whatever mapper reads them). No event carries a person's name or contact: victims are counts, everything else
 * is an identifier, a date or a code.
 */
package org.greffe.events;
