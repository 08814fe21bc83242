package org.greffe.registry.web;

/** Shapes of the text fields the API accepts; narrow so that no free text (and no name) enters the log. */
final class Patterns {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits or . _ : - starting with a letter or digit";
    static final String DOCKET = "[A-Za-z0-9](?:[A-Za-z0-9/._ -]{0,62}[A-Za-z0-9])?";
    static final String DOCKET_MESSAGE =
            "must be 1 to 64 letters, digits, spaces or / . _ - starting and ending with a letter or digit";
    static final String GROUP = "[A-Z][A-Z0-9_]{0,31}";
    static final String GROUP_MESSAGE = "must be an armed group code in capitals, e.g. CMA";
    static final String KEY = "[\\x21-\\x7E]{1,255}";

    private Patterns() {
    }
}
