package org.greffe.audit.application;

/** How far processors have read the event log, and how far the log goes. */
public interface TokenPositions {

    /** The global index every segment of the processor has passed; 0 when it has read nothing. */
    long position(String processorName);

    /** The global index of the newest stored event; 0 for an empty log. */
    long head();

    /**
     * How many stored events some segment of the processor has not passed yet: those past its token's index, and those
     * that committed late into the gaps its token still holds, which {@link #position} does not see.
     */
    long unread(String processorName);
}
