package org.greffe.registry.infrastructure;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.application.DocketClaims;
import org.greffe.registry.application.DocketLookup;
import org.greffe.registry.model.DocketNumbers;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Docket-number claims in {@code registry_docket_number}. The insert runs on the connection of the command's
 * transaction: a concurrent claim of the same number waits for that transaction and then sees the conflict, so of
 * two simultaneous filings exactly one succeeds. A docket chunk reads and writes its claims in one statement each.
 */
public class JdbcDocketNumbers implements DocketNumbers, DocketClaims, DocketLookup {

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

    @Override
    public List<Holder> holders(String docketNumber, Optional<TribunalId> tribunalId) {
        String tribunal = tribunalId.map(TribunalId::value).orElse(null);
        return jdbc.query("""
                SELECT case_id, tribunal_id, docket_number FROM registry_docket_number
                WHERE docket_key = ? AND (?::varchar IS NULL OR tribunal_id = ?::varchar)
                ORDER BY tribunal_id""",
                (rs, row) -> new Holder(new CaseId(rs.getString("case_id")),
                        new TribunalId(rs.getString("tribunal_id")), rs.getString("docket_number")),
                DocketNumbers.normalized(docketNumber), tribunal, tribunal);
    }

    @Override
    public Map<Docket, CaseId> holdersOf(Collection<Docket> dockets) {
        Map<Docket, CaseId> found = new HashMap<>();
        if (dockets.isEmpty()) {
            return found;
        }
        String[] tribunals = dockets.stream().map(docket -> docket.tribunalId().value()).toArray(String[]::new);
        String[] keys = dockets.stream().map(Docket::key).toArray(String[]::new);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT c.tribunal_id, c.docket_key, c.case_id
                    FROM unnest(?::varchar[], ?::varchar[]) AS wanted (tribunal_id, docket_key)
                    JOIN registry_docket_number c USING (tribunal_id, docket_key)""");
            statement.setArray(1, connection.createArrayOf("varchar", tribunals));
            statement.setArray(2, connection.createArrayOf("varchar", keys));
            return statement;
        }, rs -> {
            found.put(new Docket(new TribunalId(rs.getString(1)), rs.getString(2)), new CaseId(rs.getString(3)));
        });
        return found;
    }

    @Override
    public Set<Docket> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        Set<Docket> refused = new HashSet<>();
        int size = claims.size();
        String[] tribunals = new String[size];
        String[] keys = new String[size];
        String[] numbers = new String[size];
        String[] cases = new String[size];
        for (int i = 0; i < size; i++) {
            Claim claim = claims.get(i);
            tribunals[i] = claim.tribunalId().value();
            keys[i] = claim.docket().key();
            numbers[i] = claim.docketNumber();
            cases[i] = claim.caseId().value();
            refused.add(claim.docket());
        }
        // As for one claim: a concurrent claim of a number is waited for, then skipped and not returned.
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO registry_docket_number (tribunal_id, docket_key, docket_number, case_id)
                    SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                    ON CONFLICT (tribunal_id, docket_key) DO NOTHING
                    RETURNING tribunal_id, docket_key""");
            statement.setArray(1, connection.createArrayOf("varchar", tribunals));
            statement.setArray(2, connection.createArrayOf("varchar", keys));
            statement.setArray(3, connection.createArrayOf("varchar", numbers));
            statement.setArray(4, connection.createArrayOf("varchar", cases));
            return statement;
        }, rs -> {
            refused.remove(new Docket(new TribunalId(rs.getString(1)), rs.getString(2)));
        });
        return refused;
    }
}
