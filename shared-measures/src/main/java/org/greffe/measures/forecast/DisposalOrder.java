package org.greffe.measures.forecast;

/** Which pending cases a month's dispositions take first. */
public enum DisposalOrder {
    /** In the order the cases came to the tribunal (filed, transferred in, reopened): a list worked top down. */
    FIFO,
    /** The case furthest past its time standard first, then the one closest to crossing it: backlog first. */
    OLDEST_FIRST
}
