package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;

import java.time.LocalDate;

/**
 * Record that a scheduled hearing took place.
 *
 * @param caseId          the case
 * @param hearingId       the hearing
 * @param on              date it was held
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record HoldHearing(@TargetAggregateIdentifier CaseId caseId,
                          HearingId hearingId,
                          LocalDate on,
                          @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
