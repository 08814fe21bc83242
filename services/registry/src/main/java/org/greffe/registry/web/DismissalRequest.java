package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.DismissalReason;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/dismissal}. */
public record DismissalRequest(@NotNull LocalDate on,
                               @NotNull DismissalReason reason) {
}
