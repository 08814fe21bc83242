package org.greffe.registry.application;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The docket-number claims of {@link org.greffe.registry.model.DocketNumbers}, a chunk at a time: what the bulk
 * docket import reads before it decides a chunk's rows and writes once they are decided, each in one statement.
 */
public interface DocketClaims {

    /** The cases that hold these docket numbers; a number no committed claim holds is absent. */
    Map<Docket, CaseId> holdersOf(Collection<Docket> dockets);

    /**
     * Claims each number for its case, in the current transaction.
     *
     * @return the numbers another transaction claimed first: the chunk must be rolled back and decided again
     */
    Set<Docket> claimAll(List<Claim> claims);

    /**
     * A docket number at a tribunal, in the form numbers are compared in.
     *
     * @param tribunalId the tribunal
     * @param key        the number, {@link org.greffe.registry.model.DocketNumbers#normalized normalized}
     */
    record Docket(TribunalId tribunalId, String key) {

        public static Docket of(TribunalId tribunalId, String docketNumber) {
            return new Docket(tribunalId, org.greffe.registry.model.DocketNumbers.normalized(docketNumber));
        }
    }

    /**
     * A claim to write.
     *
     * @param tribunalId   the tribunal
     * @param docketNumber the number as the clerk wrote it
     * @param caseId       the case filed under it
     */
    record Claim(TribunalId tribunalId, String docketNumber, CaseId caseId) {

        public Docket docket() {
            return Docket.of(tribunalId, docketNumber);
        }
    }
}
