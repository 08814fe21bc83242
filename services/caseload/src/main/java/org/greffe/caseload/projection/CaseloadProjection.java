package org.greffe.caseload.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.greffe.measures.CaseRecord;
import org.greffe.events.CaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Folds every case event into its case's {@link CaseRecord}. Per batch of events it reads the records of all the
 * batch's cases in one query, folds in memory, and writes the changed records back in one batch just before the
 * batch commits, in the same transaction as the processor's token: a crash loses nothing and counts nothing twice.
 */
@Component
@ProcessingGroup(CaseloadProjection.PROCESSOR)
public class CaseloadProjection {

    /** Name of the processing group and of its pooled streaming processor. */
    public static final String PROCESSOR = "caseload";

    private static final Logger log = LoggerFactory.getLogger(CaseloadProjection.class);
    private static final String BATCH = CaseloadProjection.class.getName() + ".batch";

    private final CaseRecordStore store;

    public CaseloadProjection(CaseRecordStore store) {
        this.store = store;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        batch().fold(event, sequence);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(store.load(caseIdsOf(root)));
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    /** The case ids of the whole batch, to load their records at once. */
    private static Set<String> caseIdsOf(UnitOfWork<?> unitOfWork) {
        Set<String> ids = new LinkedHashSet<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
            for (Object message : batching.getMessages()) {
                if (message instanceof EventMessage<?> event && event.getPayload() instanceof CaseEvent caseEvent) {
                    ids.add(caseEvent.caseId().value());
                }
            }
        } else if (unitOfWork.getMessage() instanceof EventMessage<?> event
                && event.getPayload() instanceof CaseEvent caseEvent) {
            ids.add(caseEvent.caseId().value());
        }
        return ids;
    }

    /** The records of one batch, folded in memory until the batch commits. */
    private final class Batch {

        private final Map<String, CaseRecord> records;
        private final Map<String, CaseRecord> changed = new HashMap<>();

        Batch(Map<String, CaseRecord> loaded) {
            this.records = new HashMap<>(loaded);
        }

        void fold(CaseEvent event, long sequence) {
            String caseId = event.caseId().value();
            CaseRecord record = records.get(caseId);
            CaseRecord next = CaseRecord.next(record, event, sequence);
            if (next == null) {
                log.warn("Event {} #{} of case {} arrived before its filing; it is ignored",
                        event.getClass().getSimpleName(), sequence, caseId);
                return;
            }
            if (next != record) {
                records.put(caseId, next);
                changed.put(caseId, next);
            }
        }

        void flush() {
            if (!changed.isEmpty()) {
                store.save(changed.values());
            }
        }
    }
}
