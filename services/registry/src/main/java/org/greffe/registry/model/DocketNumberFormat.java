package org.greffe.registry.model;

/**
 * The shape a tribunal's new docket numbers must have. The docket number is the one field of a filing a clerk
 * types freely, and the log keeps it for ever: its format is narrow enough that no name or word fits, so that a
 * survivor's name typed into the wrong field is refused instead of sealed. Only new filings are checked; a case
 * filed under an earlier, looser rule keeps its number and is still found by it.
 */
public sealed interface DocketNumberFormat permits CourtDocketNumberFormat, ConfiguredDocketNumberFormat {

    /** The format of every tribunal that has none of its own configured. */
    DocketNumberFormat STANDARD = new CourtDocketNumberFormat();

    /** Whether the docket number, compared as {@link DocketNumbers#normalized}, has this shape. */
    boolean accepts(String docketNumber);

    /** What an accepted docket number looks like, in words, with an example: completes "docketNumber must be ...". */
    String expected();

    /** {@link #expected()} to be said in another language. */
    Wording expectedWording();

    /**
     * Refuses a docket number of another shape.
     *
     * @throws InvalidCommand naming the field {@code docketNumber} and the expected shape
     */
    default void check(String docketNumber) {
        if (!accepts(docketNumber)) {
            throw new InvalidCommand("docketNumber", "must be " + expected(),
                    Wording.of("docket.number-format", expectedWording()));
        }
    }
}
