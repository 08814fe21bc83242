package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.Verdict;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/judgment}. */
public record JudgmentRequest(@NotNull LocalDate on,
                              @NotNull Verdict verdict) {
}
