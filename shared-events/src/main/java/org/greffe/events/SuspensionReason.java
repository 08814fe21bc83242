package org.greffe.events;

/** Why a case stopped being actively pursued for a while; suspended time does not age the caseload. */
public enum SuspensionReason {
    ACCUSED_AT_LARGE,
    STAY_OF_PROCEEDINGS,
    OTHER
}
