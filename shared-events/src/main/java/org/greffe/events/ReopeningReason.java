package org.greffe.events;

/** Why a disposed case came back to the tribunal. */
public enum ReopeningReason {
    REMAND,
    NEW_EVIDENCE,
    OTHER
}
