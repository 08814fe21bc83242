package org.greffe.registry.model;

import org.greffe.events.AccusedAffiliation;

import java.time.LocalDate;

/** The checks a new filing passes before its docket number is claimed and the case exists. */
final class Filing {

    private Filing() {
    }

    static void check(FileCase command, ReferenceData referenceData, DocketNumbers docketNumbers, LocalDate today) {
        if (!referenceData.isKnownTribunal(command.tribunalId())) {
            throw new UnknownReferenceData("tribunalId", "unknown tribunal '" + command.tribunalId() + "'",
                    Wording.of("reference.unknown-tribunal", command.tribunalId()));
        }
        referenceData.docketNumberFormat(command.tribunalId()).check(command.docketNumber());
        if (command.accusedGroup() != null) {
            if (command.accused() != AccusedAffiliation.NON_STATE_ARMED_GROUP) {
                throw new InvalidCommand("accusedGroup", "is only allowed when accused is NON_STATE_ARMED_GROUP",
                        Wording.of("filing.group-without-armed-group"));
            }
            if (!referenceData.isKnownArmedGroup(command.accusedGroup())) {
                throw new UnknownReferenceData("accusedGroup",
                        "unknown armed group '" + command.accusedGroup() + "'",
                        Wording.of("reference.unknown-group", command.accusedGroup()));
            }
        }
        Chronology.requireFilingDate(command.filedOn(), today);
        if (command.incidentOn() != null) {
            Chronology.requireIncidentDate(command.incidentOn(), command.filedOn());
        }
        // Last, so that a filing refused for any other reason never holds the number.
        if (!docketNumbers.claim(command.tribunalId(), command.docketNumber(), command.caseId())) {
            throw new CaseRuleViolation(Rule.DOCKET_NUMBER_TAKEN, "tribunal " + command.tribunalId()
                    + " already has a case with docket number " + command.docketNumber(),
                    Wording.of("docket.number-taken", command.tribunalId(), command.docketNumber()));
        }
    }
}
