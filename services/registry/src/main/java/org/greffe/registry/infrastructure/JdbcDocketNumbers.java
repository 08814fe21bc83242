package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.model.DocketNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

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
                tribunalId.value(), key(docketNumber), docketNumber, caseId.value()) == 1;
    }

    /** "rg-2019/42" and "RG-2019/42" are the same docket number. */
    static String key(String docketNumber) {
        return docketNumber.strip().toUpperCase(Locale.ROOT);
    }
}
