package org.greffe.registry.application;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;

import java.util.Objects;

/**
 * What an accepted command did, as the command path answers it to both doors (API and docket import) and as the
 * idempotency store keeps it for retries. How it is shown (status, headers, body) is the caller's.
 *
 * @param caseId    the case the command was for
 * @param hearingId the hearing the command scheduled, or {@code null} when it scheduled none
 * @param version   the case's version after the command
 * @param replayed  true when an earlier request with the same idempotency key recorded it; nothing new was appended
 */
public record CommandResult(CaseId caseId, HearingId hearingId, long version, boolean replayed) {

    public CommandResult {
        Objects.requireNonNull(caseId, "caseId");
    }

    /** The same result, as answered to a retry. */
    public CommandResult asReplay() {
        return new CommandResult(caseId, hearingId, version, true);
    }
}
