package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.model.DocketNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/**
 * Docket-number claims in {@code registry_docket_number}. The insert runs on the connection of the command's
 * transaction: a concurrent claim of the same number waits for that transaction and then sees the conflict, so of
 * two simultaneous filings exactly one succeeds.
 */
public class JdbcDocketNumbers implements DocketNumbers {

    private final JdbcTemplate jdbc;

    public JdbcDocketNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(TribunalId tribunalId, String docketNumber, CaseId caseId) {
        return jdbc.update("""
                INSERT INTO registry_docket_number (tribunal_id, docket_key, docket_number, case_id)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (tribunal_id, docket_key) DO NOTHING""",
                tribunalId.value(), DocketNumbers.normalized(docketNumber), docketNumber, caseId.value()) == 1;
    }

    @Override
    public Optional<CaseId> find(TribunalId tribunalId, String docketNumber) {
        return jdbc.query("SELECT case_id FROM registry_docket_number WHERE tribunal_id = ? AND docket_key = ?",
                        (rs, row) -> new CaseId(rs.getString("case_id")),
                        tribunalId.value(), DocketNumbers.normalized(docketNumber))
                   .stream().findFirst();
    }
}
