package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A disposed case came back to the tribunal that disposed of it: an incoming case again.
 *
 * @param caseId the case
 * @param on     date of the reopening
 * @param reason coded reason
 */
@Revision("1")
public record CaseReopened(CaseId caseId, LocalDate on, ReopeningReason reason) implements CaseEvent {

    public CaseReopened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
