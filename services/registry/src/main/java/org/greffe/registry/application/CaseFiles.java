package org.greffe.registry.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.model.CaseFile;

import java.util.List;
import java.util.Optional;

/**
 * The registry's reads for clerks and auditors: a case's current state from its stored events, and the cases a
 * docket number names. A look-up matches the docket number exactly (as the registry compares them: case and spaces
 * aside) and nothing else: no search over victims, offences or any other field.
 */
public class CaseFiles {

    private final CaseEventHistories histories;
    private final DocketLookup dockets;

    public CaseFiles(CaseEventHistories histories, DocketLookup dockets) {
        this.histories = histories;
        this.dockets = dockets;
    }

    /** The case as its events tell it now; empty for a case the registry never filed. */
    public Optional<CaseFile.View> of(CaseId caseId) {
        List<DomainEventMessage<?>> events = histories.of(List.of(caseId)).get(caseId);
        if (events == null || events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CaseFile.of(events.stream().map(DomainEventMessage::getPayload).toList(),
                events.get(events.size() - 1).getSequenceNumber()));
    }

    /**
     * The cases filed under this docket number, at the tribunal when one is given, else at every tribunal (each keeps
     * its own numbers), in tribunal order.
     */
    public List<DocketLookup.Holder> byDocketNumber(String docketNumber, Optional<TribunalId> tribunalId) {
        return dockets.holders(docketNumber, tribunalId);
    }
}
