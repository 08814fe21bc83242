package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A suspended case became active again.
 *
 * @param caseId the case
 * @param on     date of the resumption
 */
@Revision("1")
public record CaseResumed(CaseId caseId, LocalDate on) implements CaseEvent {

    public CaseResumed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
    }
}
