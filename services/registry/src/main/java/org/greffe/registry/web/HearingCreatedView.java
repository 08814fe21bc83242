package org.greffe.registry.web;

import org.greffe.registry.application.CommandResult;

/**
 * Answer to a scheduled hearing.
 *
 * @param caseId    the case
 * @param hearingId the new hearing
 * @param version   the case's new version
 */
record HearingCreatedView(String caseId, String hearingId, long version) {

    HearingCreatedView(CommandResult result) {
        this(result.caseId().value(), result.hearingId().value(), result.version());
    }
}
