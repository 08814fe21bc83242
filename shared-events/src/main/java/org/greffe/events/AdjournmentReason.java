package org.greffe.events;

/** Why a hearing did not take place on its date. */
public enum AdjournmentReason {
    ACCUSED_ABSENT,
    WITNESS_ABSENT,
    COUNSEL_ABSENT,
    JUDGE_UNAVAILABLE,
    SECURITY,
    INVESTIGATION_INCOMPLETE,
    OTHER
}
