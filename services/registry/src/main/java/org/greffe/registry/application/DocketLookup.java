package org.greffe.registry.application;

import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;

import java.util.List;
import java.util.Optional;

/** Which cases hold a docket number: the exact look-up of the registry desk. */
public interface DocketLookup {

    /**
     * The cases filed under the docket number (compared as the registry claims them), at the tribunal when one is
     * given, in tribunal order.
     */
    List<Holder> holders(String docketNumber, Optional<TribunalId> tribunalId);

    /**
     * A case filed under a docket number.
     *
     * @param caseId       the case
     * @param tribunalId   the tribunal it was filed at, whose number it is
     * @param docketNumber the number as it was filed
     */
    record Holder(CaseId caseId, TribunalId tribunalId, String docketNumber) {
    }
}
