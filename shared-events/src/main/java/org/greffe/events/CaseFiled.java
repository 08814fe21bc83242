package org.greffe.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case was registered at a tribunal. Starts the case's life; its {@code filedOn} is the legal filing date,
 * which may be long before the registry recorded it (late registration), and the incident itself may be older
 * still (incidents of 2018 reported only in 2019).
 *
 * <p>Revision 2 added {@code incidentOn}; revision 1 events are upcast with {@code incidentOn = null}.
 *
 * @param caseId       the new case
 * @param docketNumber the tribunal's own number for the case, unique within that tribunal
 * @param tribunalId   where the case was filed
 * @param filedOn      legal filing date (effective date)
 * @param incidentOn   date of the incident when known, on or before {@code filedOn}; otherwise {@code null}
 * @param offence      offence category
 * @param victims      victims as counts only
 * @param accused      affiliation of the accused
 * @param accusedGroup code of the armed group when known, from the configured list; otherwise {@code null}
 */
@Revision("2")
public record CaseFiled(CaseId caseId,
                        String docketNumber,
                        TribunalId tribunalId,
                        LocalDate filedOn,
                        LocalDate incidentOn,
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
