package org.greffe.registry.model;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;

/** The command names a hearing the case does not have. */
public class HearingNotFound extends Rejection {

    public HearingNotFound(CaseId caseId, HearingId hearingId) {
        super("case " + caseId + " has no hearing " + hearingId, Wording.of("hearing.not-found", caseId, hearingId));
    }
}
