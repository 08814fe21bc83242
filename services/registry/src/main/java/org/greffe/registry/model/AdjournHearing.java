package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;

import java.time.LocalDate;

/**
 * Record that a scheduled hearing did not take place.
 *
 * @param caseId          the case
 * @param hearingId       the hearing
 * @param on              date of the adjournment
 * @param reason          coded reason
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record AdjournHearing(@TargetAggregateIdentifier CaseId caseId,
                             HearingId hearingId,
                             LocalDate on,
                             AdjournmentReason reason,
                             @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
