package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.greffe.registry.application.Patterns;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/transfer}. */
public record TransferRequest(
        @NotNull LocalDate on,
        @NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String toTribunalId) {
}
