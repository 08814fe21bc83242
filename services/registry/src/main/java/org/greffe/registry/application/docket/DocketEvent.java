package org.greffe.registry.application.docket;

import java.util.Set;

/**
 * The {@code event} column of a docket row: which command the row becomes, and which of the event columns it fills.
 * Every other event column of the row must be empty, so that a value typed in the wrong column is caught rather
 * than silently dropped.
 */
enum DocketEvent {
    FILED("incidentOn", "offence", "women", "girls", "men", "boys", "accused", "accusedGroup"),
    HEARING_SCHEDULED("hearing", "hearingKind"),
    HEARING_ADJOURNED("hearing", "reason"),
    HEARING_HELD("hearing"),
    JUDGMENT("verdict"),
    DISMISSED("reason"),
    WITHDRAWN,
    TRANSFERRED("toTribunalId"),
    SUSPENDED("reason"),
    RESUMED,
    REOPENED("reason");

    private final Set<String> columns;

    DocketEvent(String... columns) {
        this.columns = Set.of(columns);
    }

    /** Whether rows of this event may fill the column. */
    boolean uses(String column) {
        return columns.contains(column);
    }
}
