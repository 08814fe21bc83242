package org.greffe.registry.model;

/** The rules of the case lifecycle that a command can break. Each has a stable code clients can act on. */
public enum Rule {
    CASE_ALREADY_FILED("a case id is never filed twice"),
    DOCKET_NUMBER_TAKEN("a docket number is unique within its tribunal"),
    DATE_BEFORE_FILING("no effective date before the filing date"),
    INCIDENT_AFTER_FILING("an incident is dated on or before the filing date, and not before 1960"),
    DATE_IN_FUTURE("what has happened cannot be dated in the future"),
    DATE_OUT_OF_ORDER("the events of a case are recorded in the order they happened"),
    CASE_DISPOSED("a disposed case (judged, dismissed, withdrawn) accepts nothing but reopening"),
    CASE_SUSPENDED("a suspended case must be resumed before this"),
    HEARING_NOT_OPEN("only a scheduled hearing, not yet held or adjourned, can be adjourned or held"),
    HEARING_ID_TAKEN("a hearing id is used once within its case"),
    HEARING_HELD_BEFORE_ITS_DATE("a hearing cannot be held before the date it was scheduled for"),
    JUDGMENT_WITHOUT_TRIAL("a judgment needs a held TRIAL hearing"),
    TRANSFER_TO_SAME_TRIBUNAL("a transfer goes to another tribunal"),
    CASE_NOT_ACTIVE("only an active case can be suspended"),
    CASE_NOT_SUSPENDED("only a suspended case can be resumed"),
    CASE_NOT_DISPOSED("only a disposed case can be reopened");

    private final String statement;

    Rule(String statement) {
        this.statement = statement;
    }

    /** The rule in plain words, as shown to the clerk. */
    public String statement() {
        return statement;
    }
}
