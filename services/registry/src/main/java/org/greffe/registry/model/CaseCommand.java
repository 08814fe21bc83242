package org.greffe.registry.model;

import org.greffe.events.CaseId;

/** A command addressed to one case. */
public interface CaseCommand {

    /** The case the command is for. */
    CaseId caseId();

    /**
     * The version of the case the command was decided on by its sender ({@code If-Match}), which it refuses to act
     * past, or {@code null} to act on the latest. A filing has none: it makes the case.
     */
    default Long expectedVersion() {
        return null;
    }
}
