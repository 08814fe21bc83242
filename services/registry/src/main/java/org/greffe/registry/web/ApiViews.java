package org.greffe.registry.web;

/** Shapes of the success answers, for the OpenAPI description (the controllers answer the same fields). */
final class ApiViews {

    private ApiViews() {
    }

    /**
     * Answer to a filing.
     *
     * @param caseId  the new case
     * @param version its version, also sent as ETag
     */
    record CaseCreatedView(String caseId, long version) {
    }

    /**
     * Answer to a scheduled hearing.
     *
     * @param caseId    the case
     * @param hearingId the new hearing
     * @param version   the case's new version
     */
    record HearingCreatedView(String caseId, String hearingId, long version) {
    }

    /**
     * Answer to any other accepted command.
     *
     * @param caseId  the case
     * @param version the case's new version
     */
    record CaseVersionView(String caseId, long version) {
    }
}
