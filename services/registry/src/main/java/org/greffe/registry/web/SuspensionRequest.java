package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.SuspensionReason;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/suspension}. */
public record SuspensionRequest(@NotNull LocalDate on,
                                @NotNull SuspensionReason reason) {
}
