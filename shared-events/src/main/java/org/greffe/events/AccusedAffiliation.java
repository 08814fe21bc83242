package org.greffe.events;

/** Who the accused belong to, as far as the registry knows at filing. */
public enum AccusedAffiliation {
    STATE_FORCES,
    NON_STATE_ARMED_GROUP,
    UNIDENTIFIED
}
