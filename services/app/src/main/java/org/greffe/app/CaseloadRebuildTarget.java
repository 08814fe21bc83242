package org.greffe.app;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.greffe.audit.application.CaseStreams;
import org.greffe.audit.application.RebuildTarget;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.caseload.projection.CaseloadProjection;
import org.greffe.measures.CaseRecord;
import org.greffe.platform.eventlog.TokenTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The caseload projection as a bulk rebuild's target: its record store and its processor's rows of Axon's token
 * table (through {@link TokenTable}), replaced in one transaction. It joins the audit service's rebuild to the
 * caseload service's tables, which neither service knows of the other.
 */
@Component
class CaseloadRebuildTarget implements RebuildTarget {

    private static final Logger log = LoggerFactory.getLogger(CaseloadRebuildTarget.class);

    private final CaseRecordStore store;
    private final TokenTable tokens;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CaseloadRebuildTarget(CaseRecordStore store, TokenTable tokens, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String processorName() {
        return CaseloadProjection.PROCESSOR;
    }

    @Override
    public CaseStreams.Snapshot replace(Function<Consumer<CaseRecord>, CaseStreams.Snapshot> fill) {
        return transaction.execute(status -> {
            // Taking the token rows first keeps every processor, on any node, from writing until this commits.
            List<Integer> segments = tokens.lock(processorName());
            if (segments.isEmpty()) {
                throw new IllegalStateException("the processor " + processorName() + " has no tokens yet; it "
                        + "creates them when it first starts, so a rebuild can follow");
            }
            long start = System.nanoTime();
            store.deleteAll();
            long emptied = System.nanoTime();
            CaseStreams.Snapshot snapshot;
            try (CaseRecordStore.BulkWriter records = store.bulkWriter()) {
                snapshot = fill.apply(records::add);
                records.finish();
            }
            long filled = System.nanoTime();
            // Owner cleared: whichever node's processor claims a segment next goes on from the snapshot's head.
            tokens.reset(processorName(), GapAwareTrackingToken.newInstance(snapshot.head(), snapshot.gaps()),
                    clock.instant());
            log.info("Bulk rebuild of {}: emptied in {} ms, {} events read and folded in {} ms, tokens moved to {} "
                    + "({} gaps)", processorName(), (emptied - start) / 1_000_000, snapshot.eventsRead(),
                    (filled - emptied) / 1_000_000, snapshot.head(), snapshot.gaps().size());
            return snapshot;
        });
    }
}
