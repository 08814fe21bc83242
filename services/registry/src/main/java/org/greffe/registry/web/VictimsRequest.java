package org.greffe.registry.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.greffe.events.Victims;

/** Victims as counts, each from 0 to 10,000. */
public record VictimsRequest(@NotNull @Min(0) @Max(Victims.MAX_PER_GROUP) Integer women,
                             @NotNull @Min(0) @Max(Victims.MAX_PER_GROUP) Integer girls,
                             @NotNull @Min(0) @Max(Victims.MAX_PER_GROUP) Integer men,
                             @NotNull @Min(0) @Max(Victims.MAX_PER_GROUP) Integer boys) {
}
