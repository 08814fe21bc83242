package org.greffe.caseload.infrastructure;

/** Rows in the text format of PostgreSQL's COPY: tab-separated, backslash escapes, one row per line. */
final class CopyText {

    private CopyText() {
    }

    /** Appends one row of non-null values. */
    static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            escape(out, values[i]);
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
