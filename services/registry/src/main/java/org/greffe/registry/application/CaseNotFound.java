package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/** The command names a case the registry has never filed. */
public class CaseNotFound extends Rejection {

    public CaseNotFound(String caseId) {
        super("no case with id " + caseId, Wording.of("case.not-found", caseId));
    }
}
