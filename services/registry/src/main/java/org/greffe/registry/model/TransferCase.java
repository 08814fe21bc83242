package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;

import java.time.LocalDate;

/**
 * Move the case to another tribunal, where it goes on.
 *
 * @param caseId          the case
 * @param on              date of the transfer
 * @param toTribunalId    the receiving tribunal
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record TransferCase(@TargetAggregateIdentifier CaseId caseId,
                           LocalDate on,
                           TribunalId toTribunalId,
                           @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
