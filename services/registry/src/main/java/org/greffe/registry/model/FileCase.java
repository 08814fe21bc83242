package org.greffe.registry.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseId;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;

import java.time.LocalDate;

/**
 * Register a new case at a tribunal.
 *
 * @param caseId       the id the new case will have
 * @param docketNumber the tribunal's own number for the case
 * @param tribunalId   where it is filed
 * @param filedOn      legal filing date
 * @param incidentOn   date of the incident when known, else null
 * @param offence      offence category
 * @param victims      victims as counts only
 * @param accused      affiliation of the accused
 * @param accusedGroup armed group code, only for {@link AccusedAffiliation#NON_STATE_ARMED_GROUP}, else null
 */
public record FileCase(@TargetAggregateIdentifier CaseId caseId,
                       String docketNumber,
                       TribunalId tribunalId,
                       LocalDate filedOn,
                       LocalDate incidentOn,
                       OffenceCategory offence,
                       Victims victims,
                       AccusedAffiliation accused,
                       String accusedGroup) implements CaseCommand {
}
