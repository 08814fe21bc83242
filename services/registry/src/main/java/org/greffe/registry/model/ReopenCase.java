package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.ReopeningReason;

import java.time.LocalDate;

/**
 * Bring a disposed case back to the tribunal that disposed of it.
 *
 * @param caseId          the case
 * @param on              date of the reopening
 * @param reason          coded reason
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record ReopenCase(@TargetAggregateIdentifier CaseId caseId,
                         LocalDate on,
                         ReopeningReason reason,
                         @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
