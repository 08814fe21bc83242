package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case was registered at a tribunal. Starts the case's life; its {@code filedOn} is the legal filing date,
 * which may be long before the registry recorded it (late registration).
 *
 * @param caseId       the new case
 * @param docketNumber the tribunal's own number for the case, unique within that tribunal
 * @param tribunalId   where the case was filed
 * @param filedOn      legal filing date (effective date)
 * @param offence      offence category
 * @param victims      victims as counts only
 * @param accused      affiliation of the accused
 * @param accusedGroup code of the armed group when known, from the configured list; otherwise {@code null}
 */
@Revision("1")
public record CaseFiled(CaseId caseId,
                        String docketNumber,
                        TribunalId tribunalId,
                        LocalDate filedOn,
                        OffenceCategory offence,
                        Victims victims,
                        AccusedAffiliation accused,
                        String accusedGroup) implements CaseEvent {

    public CaseFiled {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(docketNumber, "docketNumber");
        Objects.requireNonNull(tribunalId, "tribunalId");
        Objects.requireNonNull(filedOn, "filedOn");
        Objects.requireNonNull(offence, "offence");
        Objects.requireNonNull(victims, "victims");
        Objects.requireNonNull(accused, "accused");
    }
}
