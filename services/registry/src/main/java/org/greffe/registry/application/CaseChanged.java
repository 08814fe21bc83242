package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/**
 * The case changed between the moment the command was decided and the moment its event was to be stored: either
 * the clerk's {@code If-Match} names an older version, or another command on the same case won the race. Reading
 * the case again and retrying is safe.
 */
public class CaseChanged extends Rejection {

    private CaseChanged(String message, Wording wording) {
        super(message, wording);
    }

    /** The version the clerk last saw is no longer the case's. */
    public static CaseChanged since(Object caseId, long actualVersion, long expectedVersion) {
        return new CaseChanged("case " + caseId + " is at version " + actualVersion + ", not the version "
                + expectedVersion + " given in If-Match; read it again",
                Wording.of("case.changed-since", caseId, actualVersion, expectedVersion));
    }

    /** Another command appended to the case at the same time. */
    public static CaseChanged concurrently() {
        return new CaseChanged("another command changed the case at the same time; nothing was recorded, retry the "
                + "request", Wording.of("case.changed-concurrently"));
    }
}
