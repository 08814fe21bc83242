package org.greffe.caseload.application;

import org.greffe.platform.settings.Tribunals;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CellKey;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.measures.Publication;
import org.greffe.measures.PublishedMonth;
import org.greffe.measures.Stalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly releases of the published figures, which is all that readers without exact figures ever see.
 *
 * <p>Why releases: figures that follow the log event by event let a reader compare the answer before and after one
 * event (the stream says when there is one) and learn what that one event changed. A release is made once a month,
 * after the month closed (in the courts' time zone), from the projection once it has read the whole log; it covers
 * every month up to the one that closed, and is never changed. Between two releases a reader sees a month's worth of
 * recording at once, never a single event.
 *
 * <p>The first release is made at the first start (after a demo docket or a {@code --greffe.import} is loaded);
 * later ones on the first check after each month's end. Several instances may try at once: the first stored wins,
 * and the others read it. A later release keeps a past month's published stocks until enough of its cases changed
 * ({@link Revisions}). The records and the projection's position are read in one snapshot, so a release holds
 * exactly the events up to the position it names, and it is dated after that snapshot.
 */
public class Releases {

    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final ReleaseStore store;
    private final CaseRecordStore records;
    private final ProjectionPosition position;
    private final Tribunals catalog;
    private final MonthlyCaseload monthly;
    private final Revisions revisions;
    private final int threshold;
    private final TransactionOperations snapshot;
    private final Clock clock;
    private volatile Release latest;

    /**
     * @param snapshot runs the reads of a release in one snapshot of the database (a read-only repeatable-read
     *                 transaction)
     */
    public Releases(ReleaseStore store, CaseRecordStore records, ProjectionPosition position, Tribunals catalog,
                    MonthlyCaseload monthly, CaseHistories histories, int threshold, TransactionOperations snapshot,
                    Clock clock) {
        this.store = store;
        this.records = records;
        this.position = position;
        this.catalog = catalog;
        this.monthly = monthly;
        this.revisions = new Revisions(histories, monthly, threshold);
        this.threshold = threshold;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    /** The release answers are given from: the newest made, by this instance or another. */
    public Optional<Release> latest() {
        Release known = latest;
        if (known != null && !known.month().isBefore(due())) {
            return Optional.of(known);
        }
        Optional<Release> stored = store.latest();
        stored.ifPresent(release -> latest = release);
        return stored;
    }

    /** The month the next release must cover: the last month that has ended. */
    public YearMonth due() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /**
     * Makes the release of the month that last ended, unless it exists, or the projection has not read the whole log
     * yet (a release must not miss what is already recorded): then a later call tries again.
     *
     * @return the newest release after the attempt
     */
    public synchronized Optional<Release> makeIfDue() {
        YearMonth month = due();
        Optional<Release> newest = latest();
        if (newest.isPresent() && !newest.get().month().isBefore(month)) {
            return newest;
        }
        Read read = snapshot.execute(status -> {
            ProjectionPosition.State state = position.state();
            return state.replaying() || state.position() < state.head() ? new Read(state, null, false)
                    : new Read(state, records.all(), records.definitions() >= Stalls.DEFINITIONS);
        });
        if (read.records() == null) {
            log.debug("Release of {} waits for the caseload projection ({} of {})", month, read.state().position(),
                    read.state().head());
            return newest;
        }
        long started = System.nanoTime();
        Release release = new Release(month, clock.instant(), read.state().position(), read.state().version());
        Map<String, Long> cases = new HashMap<>();
        read.records().forEach(record -> cases.put(record.caseId(), record.lastSequence()));
        Map<String, TribunalRelease> published;
        try {
            published = publish(month, read.records(), newest.orElse(null), read.stalls());
        } catch (Stalls.FoldedBeforeStalls e) {
            log.warn("The release of {} publishes no stall table: {}", month, e.getMessage());
            published = publish(month, read.records(), newest.orElse(null), false);
        }
        if (store.add(release, published, cases)) {
            log.info("Released the published caseload figures up to {} (log position {}) in {} ms", month,
                    read.state().position(), (System.nanoTime() - started) / 1_000_000);
        }
        latest = null;
        return latest();
    }

    /**
     * @param stalls whether the records are under the stall figures' definitions: the release then publishes the
     *               stall tables of the pending cases; otherwise none (the projection awaits a rebuild)
     */
    private Map<String, TribunalRelease> publish(YearMonth month, List<CaseRecord> all, Release earlier,
                                                 boolean stalls) {
        CellKey keys = new CellKey(store.cellKeySecret());
        Publication publication = new Publication(keys, threshold);
        Map<String, List<CaseRecord>> byTribunal = new HashMap<>();
        for (CaseRecord record : all) {
            record.tribunals().forEach(tribunal -> byTribunal.computeIfAbsent(tribunal, t -> new ArrayList<>())
                                                             .add(record));
        }
        Map<String, Map<YearMonth, Set<String>>> changes = earlier == null ? Map.of()
                : revisions.changes(store.cases(earlier), all, earlier.month(), stalls);
        Map<String, TribunalRelease> published = new LinkedHashMap<>();
        for (Tribunals.Tribunal tribunal : catalog.tribunals()) {
            List<CaseRecord> cases = byTribunal.getOrDefault(tribunal.id(), List.of());
            List<PublishedMonth> months = MonthlyCaseload.firstMonth(tribunal.id(), cases)
                    .map(first -> monthly.months(tribunal.id(), cases, first, month, keys, stalls)
                                         .stream().map(publication::publish).toList())
                    .orElse(List.of());
            published.put(tribunal.id(), revisions.revise(months,
                    earlier == null ? null : store.tribunal(earlier, tribunal.id()),
                    changes.getOrDefault(tribunal.id(), Map.of())));
        }
        return published;
    }

    /**
     * What a release reads in one snapshot: the projection's position, and its records when it is caught up, and
     * whether they are under the stall figures' definitions.
     */
    private record Read(ProjectionPosition.State state, List<CaseRecord> records, boolean stalls) {
    }
}
