package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The case stopped being actively pursued (it stays pending but leaves the active caseload).
 *
 * @param caseId the case
 * @param on     first day of the suspension
 * @param reason coded reason
 */
@Revision("1")
public record CaseSuspended(CaseId caseId, LocalDate on, SuspensionReason reason) implements CaseEvent {

    public CaseSuspended {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
