package org.greffe.registry.application.docket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.greffe.registry.application.Words;
import org.greffe.registry.model.Wording;

import java.util.List;

/**
 * What an import did with each data row of a docket file. Every row is counted exactly once: {@code rows} is
 * {@code accepted + alreadyImported + rejectedTotal}. Only the first rejected rows are listed (1,000 by default,
 * {@code greffe.docket-import.max-reported-rejections}): a file of a million bad rows must not become a million-line
 * answer held in memory, and the first ones are what a clerk corrects before importing the file again.
 *
 * @param rows            data rows in the file (header, comments and blank lines are not rows)
 * @param accepted        rows that appended their event
 * @param alreadyImported rows whose event an earlier import of the same row had appended; nothing new was appended
 * @param rejected        the first rows that appended nothing, in file order, each with its line and the reason
 * @param rejectedTotal   all rows that appended nothing, listed or not
 */
public record ImportReport(int rows, int accepted, int alreadyImported, List<RejectedRow> rejected,
                           int rejectedTotal) {

    public ImportReport {
        rejected = List.copyOf(rejected);
        if (rejectedTotal < rejected.size()) {
            throw new IllegalArgumentException("rejectedTotal " + rejectedTotal + " is below the " + rejected.size()
                    + " rejected rows listed");
        }
    }

    /** Whether {@code rejected} stops short of {@code rejectedTotal}: some rejected rows are not listed. */
    @JsonProperty("rejectedTruncated")
    public boolean rejectedTruncated() {
        return rejectedTotal > rejected.size();
    }

    /** One line for the log: "12 rows: 10 accepted, 1 already imported, 1 rejected". */
    public String summary() {
        return rows + " rows: " + accepted + " accepted, " + alreadyImported + " already imported, "
                + rejectedTotal + " rejected";
    }

    /** The same report, each rejected row's reason said in the words given (the reader's language). */
    public ImportReport in(Words words) {
        return new ImportReport(rows, accepted, alreadyImported, rejected.stream().map(row -> row.in(words)).toList(),
                rejectedTotal);
    }

    /**
     * A row that appended nothing.
     *
     * @param line   physical line of the row in the file, counting from 1 (header and comments included)
     * @param error  why, naming the column or the rule of the case lifecycle: in English, until {@link #in} says it
     *               in a reader's language
     * @param reason the same reason, to be said in any language; not part of the row's value
     */
    public record RejectedRow(long line, String error, @JsonIgnore Reason reason) {

        public RejectedRow {
            reason = reason == null ? words -> error : reason;
        }

        public RejectedRow(long line, String error) {
            this(line, error, null);
        }

        /** The row with its reason in the words given. */
        public RejectedRow in(Words words) {
            return new RejectedRow(line, reason.in(words), reason);
        }

        /** Two rows are equal when they name the same line for the same reason, as said in English. */
        @Override
        public boolean equals(Object other) {
            return other instanceof RejectedRow row && row.line == line && row.error.equals(error);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(line) * 31 + error.hashCode();
        }

        @Override
        public String toString() {
            return "RejectedRow[line=" + line + ", error=" + error + "]";
        }
    }

    /** Why a row was rejected, said in a reader's language: worded when the row is decided, said when it is read. */
    @FunctionalInterface
    public interface Reason {

        String in(Words words);

        /** The reason worded so, the English given as the registry's own. */
        static Reason worded(Wording wording, String english) {
            return words -> words.say(wording, english);
        }
    }
}
