package org.greffe.registry.application.docket;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.application.DocketClaims;
import org.greffe.registry.model.DocketNumbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docket numbers a chunk decides its rows on: the claims committed when it started, and the claims its own
 * filings make, which it writes once every row is decided. A filing that claims a number and is then refused gives
 * the number back, as a rolled-back transaction would.
 */
final class ChunkClaims implements DocketNumbers {

    private final Map<DocketClaims.Docket, CaseId> committed = new HashMap<>();
    private final Map<DocketClaims.Docket, DocketClaims.Claim> claimed = new LinkedHashMap<>();

    /** Starts a chunk on these committed claims. */
    void reset(Map<DocketClaims.Docket, CaseId> committedClaims) {
        committed.clear();
        committed.putAll(committedClaims);
        claimed.clear();
    }

    @Override
    public boolean claim(TribunalId tribunalId, String docketNumber, CaseId caseId) {
        DocketClaims.Docket docket = DocketClaims.Docket.of(tribunalId, docketNumber);
        if (committed.containsKey(docket) || claimed.containsKey(docket)) {
            return false;
        }
        claimed.put(docket, new DocketClaims.Claim(tribunalId, docketNumber, caseId));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onRollback(unitOfWork -> claimed.remove(docket));
        }
        return true;
    }

    @Override
    public Optional<CaseId> find(TribunalId tribunalId, String docketNumber) {
        DocketClaims.Docket docket = DocketClaims.Docket.of(tribunalId, docketNumber);
        CaseId holder = committed.get(docket);
        if (holder == null && claimed.containsKey(docket)) {
            holder = claimed.get(docket).caseId();
        }
        return Optional.ofNullable(holder);
    }

    /** The claims the chunk's accepted filings made, in the order they made them. */
    List<DocketClaims.Claim> newClaims() {
        return new ArrayList<>(claimed.values());
    }
}
