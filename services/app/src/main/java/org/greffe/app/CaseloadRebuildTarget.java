package org.greffe.app;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.greffe.audit.application.CaseStreams;
import org.greffe.audit.application.RebuildTarget;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.caseload.projection.CaseloadProjection;
import org.greffe.measures.CaseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The caseload projection as a bulk rebuild's target: its record store and its processor's rows of Axon's token
 * table, replaced in one transaction. It joins the audit service's rebuild to the caseload service's tables, which
 * neither service knows of the other.
 */
@Component
class CaseloadRebuildTarget implements RebuildTarget {

    private static final Logger log = LoggerFactory.getLogger(CaseloadRebuildTarget.class);

    private final CaseRecordStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Clock clock;

    CaseloadRebuildTarget(CaseRecordStore store, JdbcTemplate jdbc, TransactionTemplate transaction,
                          Serializer serializer, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.serializer = serializer;
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
            List<Integer> segments = jdbc.queryForList(
                    "SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE", Integer.class,
                    processorName());
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
            SerializedObject<byte[]> token = serializer.serialize(
                    GapAwareTrackingToken.newInstance(snapshot.head(), snapshot.gaps()), byte[].class);
            // Owner cleared: whichever node's processor claims a segment next goes on from the snapshot's head.
            jdbc.update("UPDATE token_entry SET token = ?, token_type = ?, timestamp = ?, owner = NULL "
                    + "WHERE processor_name = ?", token.getData(), token.getType().getName(),
                    clock.instant().toString(), processorName());
            log.info("Bulk rebuild of {}: emptied in {} ms, {} events read and folded in {} ms, tokens moved to {} "
                    + "({} gaps)", processorName(), (emptied - start) / 1_000_000, snapshot.eventsRead(),
                    (filled - emptied) / 1_000_000, snapshot.head(), snapshot.gaps().size());
            return snapshot;
        });
    }
}
