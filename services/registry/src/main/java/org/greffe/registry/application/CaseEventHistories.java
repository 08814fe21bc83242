package org.greffe.registry.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.events.CaseId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The stored events of several cases at once, as Axon's repository would load each: what a docket chunk decides its
 * rows on, once it holds the locks of every case it touches.
 */
public interface CaseEventHistories {

    /**
     * Every stored event of these cases, oldest first, upcast and deserialized; a case with no event is absent.
     * Reads in the caller's transaction.
     */
    Map<CaseId, List<DomainEventMessage<?>>> of(Collection<CaseId> caseIds);
}
