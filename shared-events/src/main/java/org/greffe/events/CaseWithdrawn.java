package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The complaint was withdrawn. Disposes of the case.
 *
 * @param caseId the case
 * @param on     date of the withdrawal
 */
@Revision("1")
public record CaseWithdrawn(CaseId caseId, LocalDate on) implements CaseEvent {

    public CaseWithdrawn {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
    }
}
