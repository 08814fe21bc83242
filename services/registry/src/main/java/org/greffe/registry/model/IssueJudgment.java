package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.greffe.events.CaseId;
import org.greffe.events.Verdict;

import java.time.LocalDate;

/**
 * Record the judgment, which needs a held trial hearing.
 *
 * @param caseId          the case
 * @param on              date of the judgment
 * @param verdict         the outcome
 * @param expectedVersion the version the clerk last saw, or {@code null} to act on the latest
 */
public record IssueJudgment(@TargetAggregateIdentifier CaseId caseId,
                            LocalDate on,
                            Verdict verdict,
                            @TargetAggregateVersion Long expectedVersion) implements CaseCommand {
}
