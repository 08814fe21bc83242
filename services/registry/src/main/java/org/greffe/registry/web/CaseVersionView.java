package org.greffe.registry.web;

import org.greffe.registry.application.CommandResult;

/**
 * Answer to any other accepted command.
 *
 * @param caseId  the case
 * @param version the case's new version
 */
record CaseVersionView(String caseId, long version) {

    CaseVersionView(CommandResult result) {
        this(result.caseId().value(), result.version());
    }
}
