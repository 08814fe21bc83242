package org.greffe.events;

/** A hearing is either preliminary or a trial; only a held trial hearing brings a case to trial. */
public enum HearingKind {
    PRELIMINARY,
    TRIAL
}
