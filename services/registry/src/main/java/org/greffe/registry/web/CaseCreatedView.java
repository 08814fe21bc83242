package org.greffe.registry.web;

import org.greffe.registry.application.CommandResult;

/**
 * Answer to a filing.
 *
 * @param caseId  the new case
 * @param version its version, also sent as ETag
 */
record CaseCreatedView(String caseId, long version) {

    CaseCreatedView(CommandResult result) {
        this(result.caseId().value(), result.version());
    }
}
