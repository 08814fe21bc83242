package org.greffe.registry.application.docket;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.model.CaseCommand;

import java.time.LocalDate;

/**
 * One data row of a docket file with every value checked for shape and converted ({@link DocketCells}). Whether it
 * fits the case (dates, state, known tribunal) is the aggregate's to decide when the row's command runs, exactly as
 * for the HTTP API.
 *
 * @param line         physical line in the file
 * @param event        what happened
 * @param tribunalId   tribunal where the case was filed (kept on every row of the case, even after a transfer)
 * @param docketNumber the case's docket number at that tribunal, as written
 * @param date         effective date: filing date, date the hearing is set for, or date it happened
 * @param entry        the values of the event's own columns
 * @param fingerprint  identifies the row's content, however the file writes it
 */
record DocketRow(long line, DocketEvent event, TribunalId tribunalId, String docketNumber, LocalDate date,
                 DocketEntry entry, DocketFingerprint fingerprint) {

    /** The command that records the row's event on the case. */
    CaseCommand command(CaseId caseId) {
        return entry.command(caseId, this);
    }
}
