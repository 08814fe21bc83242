package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.SuspensionReason;

import java.time.LocalDate;

/**
 * Take an active case out of the active caseload for a while.
 *
 * @param caseId          the case
 * @param on              first day of the suspension
 * @param reason          coded reason
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record SuspendCase(@TargetAggregateIdentifier CaseId caseId,
                          LocalDate on,
                          SuspensionReason reason,
                          @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
