package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The case moved to another tribunal: an outgoing case for {@code fromTribunalId}, an incoming one for
 * {@code toTribunalId}, where it goes on.
 *
 * @param caseId         the case
 * @param on             date of the transfer
 * @param fromTribunalId the tribunal the case leaves
 * @param toTribunalId   the tribunal the case goes to
 */
@Revision("1")
public record CaseTransferred(CaseId caseId, LocalDate on, TribunalId fromTribunalId, TribunalId toTribunalId)
        implements CaseEvent {

    public CaseTransferred {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(fromTribunalId, "fromTribunalId");
        Objects.requireNonNull(toTribunalId, "toTribunalId");
    }
}
