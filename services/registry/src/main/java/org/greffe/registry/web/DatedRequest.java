package org.greffe.registry.web;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Body of the commands that only need a date: hearing held, withdrawal, resumption. */
public record DatedRequest(@NotNull LocalDate on) {
}
