package org.greffe.events;

/** Why a case was dismissed without judgment. */
public enum DismissalReason {
    INSUFFICIENT_EVIDENCE,
    NO_OFFENCE,
    TIME_BARRED,
    OTHER
}
