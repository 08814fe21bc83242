package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A scheduled hearing took place. A held trial hearing is what "brought to trial" means.
 *
 * @param caseId    the case
 * @param hearingId the hearing held
 * @param on        date it was held
 */
@Revision("1")
public record HearingHeld(CaseId caseId, HearingId hearingId, LocalDate on) implements CaseEvent {

    public HearingHeld {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(hearingId, "hearingId");
        Objects.requireNonNull(on, "on");
    }
}
