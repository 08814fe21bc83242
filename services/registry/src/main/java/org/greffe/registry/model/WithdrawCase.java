package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;

import java.time.LocalDate;

/**
 * Record that the complaint was withdrawn.
 *
 * @param caseId          the case
 * @param on              date of the withdrawal
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record WithdrawCase(@TargetAggregateIdentifier CaseId caseId,
                           LocalDate on,
                           @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
