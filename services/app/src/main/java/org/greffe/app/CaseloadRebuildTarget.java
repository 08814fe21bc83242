package org.greffe.app;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.greffe.audit.application.CaseStreams;
import org.greffe.audit.application.RebuildStatus;
import org.greffe.audit.application.RebuildTarget;
import org.greffe.caseload.application.BuildProgress;
import org.greffe.caseload.application.CaseloadProperties;
import org.greffe.caseload.application.CatchUpProgress;
import org.greffe.caseload.infrastructure.JdbcCaseRecordStore;
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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The caseload projection as a bulk rebuild's target: its record store and its processor's rows of Axon's token
 * table (through {@link TokenTable}, and claimed through Axon's {@link TokenStore}), replaced in one transaction, and
 * the progress a build at start-up reports to every instance's readers ({@link CatchUpProgress}). It joins the audit
 * service's rebuild to the caseload service's tables, which neither service knows of the other.
 */
@Component
class CaseloadRebuildTarget implements RebuildTarget {

    private static final Logger log = LoggerFactory.getLogger(CaseloadRebuildTarget.class);

    private final CaseRecordStore store;
    private final TokenTable tokens;
    private final TokenStore axonTokens;
    private final CatchUpProgress catchUps;
    private final TransactionTemplate transaction;
    private final int segments;
    private final Clock clock;

    CaseloadRebuildTarget(CaseRecordStore store, TokenTable tokens, TokenStore axonTokens, CatchUpProgress catchUps,
                          TransactionTemplate transaction, CaseloadProperties properties, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.axonTokens = axonTokens;
        this.catchUps = catchUps;
        this.transaction = transaction;
        this.segments = properties.segments();
        this.clock = clock;
    }

    @Override
    public String processorName() {
        return CaseloadProjection.PROCESSOR;
    }

    @Override
    public Backlog backlog() {
        TokenTable.Reading reading = tokens.read(processorName(), JdbcCaseRecordStore.GENERATION_QUERY);
        return new Backlog(reading.position(), reading.head(), reading.alongside());
    }

    @Override
    public Optional<CaseStreams.Snapshot> replace(Predicate<Backlog> need,
                                                  Function<Consumer<CaseRecord>, CaseStreams.Snapshot> fill) {
        if (tokens.read(processorName()).tokens().isEmpty()) {
            // A processor that never started has no rows to take: give it its segments, as its first start would,
            // and at once, so that a processor starting meanwhile finds them and waits for them rather than try to
            // add them itself. Rows another instance added first are left as they are.
            transaction.executeWithoutResult(status -> tokens.initialize(processorName(), segments,
                    clock.instant()));
        }
        return transaction.execute(status -> {
            // Taking the token rows first keeps every processor, on any node, from writing until this commits.
            List<Integer> segmentIds = tokens.lock(processorName());
            if (!need.test(backlog())) {
                return Optional.empty();
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
            tokens.reset(processorName(), GapAwareTrackingToken.newInstance(snapshot.head(), snapshot.gaps()),
                    clock.instant());
            // Claimed for this node through Axon's token store, as its processor claims them, and it starts again
            // next. A batch another node's processor had in flight when the tokens were taken would otherwise store
            // its older token after this commit, claiming the free segment, and move the projection back; claimed,
            // its store fails and the batch rolls back.
            for (int segment : segmentIds) {
                axonTokens.fetchToken(processorName(), segment);
            }
            log.info("Bulk rebuild of {}: emptied in {} ms, {} events read and folded in {} ms, tokens moved to {} "
                    + "({} gaps)", processorName(), (emptied - start) / 1_000_000, snapshot.eventsRead(),
                    (filled - emptied) / 1_000_000, snapshot.head(), snapshot.gaps().size());
            return Optional.of(snapshot);
        });
    }

    @Override
    public void progress(RebuildStatus status) {
        if (status.state() == RebuildStatus.State.RUNNING) {
            catchUps.report(new BuildProgress(true, status.eventsRead(), status.head(), status.eventsPerSecond()));
        } else {
            catchUps.ended();
        }
    }
}
