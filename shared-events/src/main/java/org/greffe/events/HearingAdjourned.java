package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A scheduled hearing did not take place; a new one must be scheduled.
 *
 * @param caseId    the case
 * @param hearingId the hearing that was adjourned
 * @param on        date of the adjournment
 * @param reason    coded reason
 */
@Revision("1")
public record HearingAdjourned(CaseId caseId, HearingId hearingId, LocalDate on, AdjournmentReason reason)
        implements CaseEvent {

    public HearingAdjourned {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(hearingId, "hearingId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
