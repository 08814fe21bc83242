package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The tribunal closed the case without judgment. Disposes of the case.
 *
 * @param caseId the case
 * @param on     date of the dismissal
 * @param reason coded reason
 */
@Revision("1")
public record CaseDismissed(CaseId caseId, LocalDate on, DismissalReason reason) implements CaseEvent {

    public CaseDismissed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
