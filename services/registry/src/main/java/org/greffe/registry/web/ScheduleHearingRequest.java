package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.HearingKind;

import java.time.LocalDate;

/** Body of {@code POST /api/cases/{caseId}/hearings}. */
public record ScheduleHearingRequest(@NotNull HearingKind kind,
                                     @NotNull LocalDate date) {
}
