package org.greffe.audit.application;

import java.util.List;

/**
 * Tells whether stored events were appended through Greffe, from the keyed authentication code Greffe records with
 * every event it appends. The audit service never holds the key: the application that appends events checks the
 * codes for it, so that a row written into the event table by SQL, whatever its metadata claims, is never sealed or
 * verified as genuine.
 */
public interface AppendAuthentication {

    /**
     * Checks the events in one round trip to the database, inside the caller's transaction when there is one.
     *
     * @return one verdict per event, in the order given
     */
    List<Verdict> check(List<StoredEvent> events);

    /**
     * What the authentication code of one event says.
     *
     * @param outcome what was found
     * @param keyId   the key the code names, or {@code null} when there is no code
     */
    record Verdict(Outcome outcome, String keyId) {

        /** The verdict of an event whose code verifies with the key it names. */
        public static Verdict authentic(String keyId) {
            return new Verdict(Outcome.AUTHENTIC, keyId);
        }

        /** Whether the event counts as appended through Greffe. */
        public boolean genuine() {
            return outcome == Outcome.AUTHENTIC || outcome == Outcome.APPENDED_BEFORE_AUTHENTICATION;
        }

        /** Why the event is refused, in the words of the verification; {@code null} when it is genuine. */
        public String reason(StoredEvent event) {
            String which = "event " + event.eventIdentifier() + " (case " + event.aggregateIdentifier() + ", sequence "
                    + event.sequenceNumber() + ")";
            return switch (outcome) {
                case AUTHENTIC, APPENDED_BEFORE_AUTHENTICATION -> null;
                case MISSING -> "unauthenticated: " + which + " was not appended through Greffe (no authentication "
                        + "code)";
                case INVALID -> "unauthenticated: " + which + " was not appended through Greffe, or was altered "
                        + "since (its authentication code does not verify)";
                case UNKNOWN_KEY -> "unauthenticated: " + which + " carries an authentication code made with key "
                        + keyId + ", which this instance does not hold (restore that key file; never re-key)";
            };
        }
    }

    /** What was found for one event. */
    enum Outcome {
        /** Its code verifies with the key it names: Greffe appended exactly these bytes. */
        AUTHENTIC,
        /** It was stored before Greffe authenticated appends; only the chain vouches for it. */
        APPENDED_BEFORE_AUTHENTICATION,
        /** No code was recorded for it. */
        MISSING,
        /** Its code does not verify: the row was written or changed behind Greffe's back. */
        INVALID,
        /** Its code names a key this instance does not hold. */
        UNKNOWN_KEY
    }
}
