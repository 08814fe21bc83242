package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A hearing was set for a date, which may lie in the future. Each trial setting counts for trial date certainty.
 *
 * @param caseId    the case
 * @param hearingId the new hearing, unique within the case
 * @param kind      preliminary or trial
 * @param date      the date the hearing is set for
 */
@Revision("1")
public record HearingScheduled(CaseId caseId, HearingId hearingId, HearingKind kind, LocalDate date)
        implements CaseEvent {

    public HearingScheduled {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(hearingId, "hearingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
    }
}
