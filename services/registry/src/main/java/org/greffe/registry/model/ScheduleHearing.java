package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;

import java.time.LocalDate;

/**
 * Set a hearing of the case for a date, which may lie in the future.
 *
 * @param caseId          the case
 * @param hearingId       the new hearing's id, chosen by the caller
 * @param kind            preliminary or trial
 * @param date            the date the hearing is set for
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record ScheduleHearing(@TargetAggregateIdentifier CaseId caseId,
                              HearingId hearingId,
                              HearingKind kind,
                              LocalDate date,
                              @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
