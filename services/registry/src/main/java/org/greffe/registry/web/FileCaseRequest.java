package org.greffe.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.OffenceCategory;
import org.greffe.registry.application.Patterns;

import java.time.LocalDate;

/** Body of {@code POST /api/cases}. */
public record FileCaseRequest(
        @NotNull @Pattern(regexp = Patterns.DOCKET, message = Patterns.DOCKET_MESSAGE) String docketNumber,
        @NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String tribunalId,
        @NotNull LocalDate filedOn,
        LocalDate incidentOn,
        @NotNull OffenceCategory offence,
        @NotNull @Valid VictimsRequest victims,
        @NotNull AccusedAffiliation accused,
        @Pattern(regexp = Patterns.GROUP, message = Patterns.GROUP_MESSAGE) String accusedGroup) {
}
