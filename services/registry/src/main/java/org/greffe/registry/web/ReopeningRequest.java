package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.ReopeningReason;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/reopening}. */
public record ReopeningRequest(@NotNull LocalDate on,
                               @NotNull ReopeningReason reason) {
}
