package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The tribunal decided the case after trial. Disposes of the case.
 *
 * @param caseId  the case
 * @param on      date of the judgment
 * @param verdict the outcome
 */
@Revision("1")
public record JudgmentIssued(CaseId caseId, LocalDate on, Verdict verdict) implements CaseEvent {

    public JudgmentIssued {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(verdict, "verdict");
    }
}
