/** What auditors ask of the event log: histories, replays, verification. */
package org.greffe.audit.application;
