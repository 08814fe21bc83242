package org.greffe.events;

/** The outcome of a judgment after trial. */
public enum Verdict {
    CONVICTION,
    ACQUITTAL,
    PARTIAL_CONVICTION
}
