package org.greffe.registry.application;

import org.greffe.registry.model.Wording;

import java.util.Optional;

/**
 * Shapes of the text fields the API and the docket import accept; narrow so that no free text (and no name) enters
 * the log. One definition for both doors, so a value refused by one is refused by the other.
 */
public final class Patterns {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String ID_MESSAGE =
            "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit";
    /**
     * The characters a docket number may have had under any rule, so that cases filed long ago are still found by
     * theirs. A new filing must also have its tribunal's format (DocketNumberFormat), checked where the tribunal is
     * known.
     */
    public static final String DOCKET = "[A-Za-z0-9](?:[A-Za-z0-9/._ -]{0,62}[A-Za-z0-9])?";
    public static final String DOCKET_MESSAGE =
            "must be 1 to 64 letters, digits, spaces or / . _ - starting and ending with a letter or digit";
    public static final String GROUP = "[A-Z][A-Z0-9_]{0,31}";
    public static final String GROUP_MESSAGE = "must be an armed group code in capitals, e.g. CMA";
    public static final String KEY = "[\\x21-\\x7E]{1,255}";
    /**
     * A docket file's hearing reference. Never stored, but the hearing's id and the row's idempotency key are
     * derived from it by plain hashes, so a name used as a reference could be confirmed from an export by hashing
     * guesses: hence a code, not a word.
     */
    public static final String HEARING = "(?:[A-Za-z]{1,3}-?)?[0-9]{1,4}";
    public static final String HEARING_MESSAGE = "must be up to 3 letters and 1 to 4 digits, e.g. H1";

    private Patterns() {
    }

    /** One of the messages above, to be said in another language; empty for any other message. */
    public static Optional<Wording> wording(String message) {
        return Optional.ofNullable(switch (message == null ? "" : message) {
            case ID_MESSAGE -> Wording.of("pattern.id");
            case DOCKET_MESSAGE -> Wording.of("pattern.docket");
            case GROUP_MESSAGE -> Wording.of("pattern.group");
            case HEARING_MESSAGE -> Wording.of("pattern.hearing");
            default -> null;
        });
    }
}
