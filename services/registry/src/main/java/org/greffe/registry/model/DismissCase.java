package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.DismissalReason;

import java.time.LocalDate;

/**
 * Record that the tribunal closed the case without judgment.
 *
 * @param caseId          the case
 * @param on              date of the dismissal
 * @param reason          coded reason
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record DismissCase(@TargetAggregateIdentifier CaseId caseId,
                          LocalDate on,
                          DismissalReason reason,
                          @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
