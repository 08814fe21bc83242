package org.greffe.registry.application;

import java.util.List;

/**
 * What an import did with each data row of a docket file. Every row is counted exactly once: {@code rows} is
 * {@code accepted + alreadyImported + rejected.size()}.
 *
 * @param rows            data rows in the file (header, comments and blank lines are not rows)
 * @param accepted        rows that appended their event
 * @param alreadyImported rows whose event an earlier import of the same row had appended; nothing new was appended
 * @param rejected        rows that appended nothing, each with its line in the file and the reason
 */
public record ImportReport(int rows, int accepted, int alreadyImported, List<RejectedRow> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** One line for the log: "12 rows: 10 accepted, 1 already imported, 1 rejected". */
    public String summary() {
        return rows + " rows: " + accepted + " accepted, " + alreadyImported + " already imported, "
                + rejected.size() + " rejected";
    }

    /**
     * A row that appended nothing.
     *
     * @param line  physical line of the row in the file, counting from 1 (header and comments included)
     * @param error why, naming the column or the rule of the case lifecycle
     */
    public record RejectedRow(long line, String error) {
    }
}
