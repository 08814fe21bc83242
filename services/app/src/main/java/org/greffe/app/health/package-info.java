/**
 * Greffe's own health components, next to Spring Boot's ({@code /actuator/health}): whether the caseload projection
 * gets past the events it reads. Auditors see the details; everyone else the status only.
 */
package org.greffe.app.health;
