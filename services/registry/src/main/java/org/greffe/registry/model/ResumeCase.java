package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;

import java.time.LocalDate;

/**
 * Bring a suspended case back into the active caseload.
 *
 * @param caseId          the case
 * @param on              date of the resumption
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record ResumeCase(@TargetAggregateIdentifier CaseId caseId,
                         LocalDate on,
                         @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
