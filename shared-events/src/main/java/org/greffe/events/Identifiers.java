package org.greffe.events;

/**
 * The one rule every identifier of the published language follows. Narrow on purpose: identifiers travel in URLs,
 * CSV files and audit exports, so they must never need escaping and never hold free text.
 */
final class Identifiers {

    static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    /**
     * Refuses anything but 1 to 64 ASCII letters, digits or {@code . _ : -}, starting with a letter or digit. A loop
     * rather than a regular expression: every event read from the log passes here, and a rebuild reads millions.
     */
    static void requireValid(String value, String what) {
        if (!valid(value)) {
            throw new IllegalArgumentException(
                    what + " must be 1 to 64 letters, digits or . _ : - and start with a letter or digit");
        }
    }

    static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
