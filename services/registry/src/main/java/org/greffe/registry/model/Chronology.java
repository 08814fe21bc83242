package org.greffe.registry.model;

import java.time.LocalDate;

/**
 * The date rules of a case: nothing before the filing date, nothing that happened dated in the future, and events
 * recorded in the order they happened, so that every age and duration computed from the log is well defined.
 *
 * @param filedOn the legal filing date
 * @param latest  the effective date of the latest thing that happened to the case
 */
record Chronology(LocalDate filedOn, LocalDate latest) {

    /** Earliest effective date accepted at all: before it, a date is a typing error, not a case of this registry. */
    static final LocalDate EARLIEST = LocalDate.of(1960, 1, 1);

    static final int PLANNING_HORIZON_YEARS = 10;

    static Chronology filedOn(LocalDate filedOn) {
        return new Chronology(filedOn, filedOn);
    }

    static void requireFilingDate(LocalDate filedOn, LocalDate today) {
        if (filedOn.isAfter(today)) {
            throw new CaseRuleViolation(Rule.DATE_IN_FUTURE, "filed on " + filedOn + " is after today, " + today,
                    Wording.of("date.in-future", Wording.of("what.filing"), filedOn, today));
        }
        if (filedOn.isBefore(EARLIEST)) {
            throw new CaseRuleViolation(Rule.DATE_BEFORE_FILING,
                    "filed on " + filedOn + " is before " + EARLIEST + ", the earliest date the registry accepts",
                    Wording.of("date.before-earliest", Wording.of("what.filing"), filedOn, EARLIEST));
        }
    }

    /** An incident is reported on or after it happened, and never before the earliest accepted date. */
    static void requireIncidentDate(LocalDate incidentOn, LocalDate filedOn) {
        if (incidentOn.isAfter(filedOn)) {
            throw new CaseRuleViolation(Rule.INCIDENT_AFTER_FILING,
                    "incident on " + incidentOn + " is after the filing date " + filedOn,
                    Wording.of("date.before-filing-reversed", incidentOn, filedOn));
        }
        if (incidentOn.isBefore(EARLIEST)) {
            throw new CaseRuleViolation(Rule.INCIDENT_AFTER_FILING,
                    "incident on " + incidentOn + " is before " + EARLIEST
                            + ", the earliest date the registry accepts",
                    Wording.of("date.before-earliest", Wording.of("what.incident"), incidentOn, EARLIEST));
        }
    }

    /** Checks the date of something that has happened. */
    void requireHappened(String what, LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new CaseRuleViolation(Rule.DATE_IN_FUTURE, what + " on " + on + " is after today, " + today,
                    Wording.of("date.in-future", Wording.of("what." + what), on, today));
        }
        requireNotBeforeLatest(what, on);
    }

    /** Checks the date a hearing is set for: it may be in the future, but not before what already happened. */
    void requireNotBeforeLatest(String what, LocalDate on) {
        if (on.isBefore(filedOn)) {
            throw new CaseRuleViolation(Rule.DATE_BEFORE_FILING,
                    what + " on " + on + " is before the filing date " + filedOn,
                    Wording.of("date.before-filing", Wording.of("what." + what), on, filedOn));
        }
        if (on.isBefore(latest)) {
            throw new CaseRuleViolation(Rule.DATE_OUT_OF_ORDER,
                    what + " on " + on + " is before " + latest + ", the date of the latest recorded event",
                    Wording.of("date.out-of-order", Wording.of("what." + what), on, latest));
        }
    }

    /** A hearing date decades ahead is a typing error, not a plan. */
    void requireWithinPlanningHorizon(LocalDate date, LocalDate today) {
        if (date.isAfter(today.plusYears(PLANNING_HORIZON_YEARS))) {
            throw new InvalidCommand("date", "is more than " + PLANNING_HORIZON_YEARS + " years ahead",
                    Wording.of("date.beyond-horizon", PLANNING_HORIZON_YEARS));
        }
    }

    Chronology advancedTo(LocalDate on) {
        return on.isAfter(latest) ? new Chronology(filedOn, on) : this;
    }
}
