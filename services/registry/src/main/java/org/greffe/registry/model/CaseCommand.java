package org.greffe.registry.model;

import org.greffe.events.CaseId;

/** A command addressed to one case. */
public interface CaseCommand {

    /** The case the command is for. */
    CaseId caseId();
}
