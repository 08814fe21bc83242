package org.greffe.events;

import java.util.regex.Pattern;

/**
 * The one rule every identifier of the published language follows. Narrow on purpose: identifiers travel in URLs,
 * CSV files and audit exports, so they must never need escaping and never hold free text.
 */
final class Identifiers {

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Identifiers() {
    }

    static void requireValid(String value, String what) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 64 letters, digits or . _ : - and start with a letter or digit");
        }
    }
}
