package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;
import org.greffe.events.AdjournmentReason;

import java.time.LocalDate;

/** Body of {@code POST .../hearings/{hearingId}/adjournment}. */
public record AdjournmentRequest(@NotNull LocalDate on,
                                 @NotNull AdjournmentReason reason) {
}
