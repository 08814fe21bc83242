package org.greffe.registry.application.docket;

import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.InvalidDocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Docket imports as jobs. The file is copied and checked while the request is read, so a file that is not a docket
 * or too large is refused at once and no job exists; then the job is recorded and runs on a worker of this instance
 * (two at a time, the others wait their turn). Its counts are written after every chunk, at most once a second, and
 * a heartbeat every 10 seconds tells the other instances it is alive: a running job whose heartbeat is older than
 * {@code greffe.docket-import.stale-after} (a minute) is answered as {@code STOPPED}, with how to resume it (import
 * the same file again: the rows already recorded are skipped, by their idempotency keys).
 */
public class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** Finished jobs whose rejected rows this instance keeps for their clerk, the newest first. */
    private static final int KEPT_JOBS = 50;
    private static final String RESUME = "import the same file again: the rows already recorded are skipped";

    private final DocketImport docketImport;
    private final ImportJobStore store;
    private final Clock clock;
    private final Duration staleAfter;
    private final String instanceId = UUID.randomUUID().toString();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "docket-import");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docket-import-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Live> jobs = new LinkedHashMap<>();

    /** @param staleAfter a running job whose heartbeat is older than this has lost its instance; over 10 s */
    public ImportJobs(DocketImport docketImport, ImportJobStore store, Clock clock, Duration staleAfter) {
        if (staleAfter.compareTo(HEARTBEAT) <= 0) {
            throw new IllegalArgumentException("greffe.docket-import.stale-after must be longer than the heartbeat, "
                    + HEARTBEAT.toSeconds() + " s");
        }
        this.docketImport = docketImport;
        this.store = store;
        this.clock = clock;
        this.staleAfter = staleAfter;
        long every = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Checks the file and starts importing it; returns once the job is recorded.
     *
     * @throws InvalidDocket  when the file is not a docket file; no job was started
     * @throws DocketTooLarge when the file is over the size or row limit; no job was started
     */
    public ImportJob start(Reader csv, ImportSource source) {
        Live live = begin(csv, source);
        workers.execute(() -> run(live));
        return view(live.id, 0, 0).orElseThrow();
    }

    /** As {@link #start}, but imports in the caller's thread and answers the report once the file is done. */
    public ImportReport run(Reader csv, ImportSource source) {
        Live live = begin(csv, source);
        run(live);
        if (live.error != null) {
            throw live.error;
        }
        return live.report;
    }

    /**
     * The job as any instance sees it, with a page of its rejected rows when this instance ran it.
     *
     * @param offset first rejected row of the page, counting from 0
     * @param limit  most rejected rows on the page
     */
    public Optional<ImportJob> view(UUID id, int offset, int limit) {
        Optional<ImportJobStore.Stored> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ImportJobStore.Stored stored = found.get();
        Live live;
        synchronized (jobs) {
            live = jobs.get(id);
        }
        ImportReport report = live == null ? null : live.report;
        // The store may lag this instance's counts by up to a second: this instance's are the newer.
        int done = report == null ? stored.done() : Math.max(stored.done(), report.rows());
        int accepted = report == null ? stored.accepted() : Math.max(stored.accepted(), report.accepted());
        int already = report == null ? stored.alreadyImported()
                : Math.max(stored.alreadyImported(), report.alreadyImported());
        int rejected = report == null ? stored.rejected() : Math.max(stored.rejected(), report.rejectedTotal());
        Instant now = clock.instant();
        Instant updatedAt = live != null && live.updatedAt.isAfter(stored.heartbeatAt()) ? live.updatedAt
                : stored.heartbeatAt();
        String state = stored.state();
        if (state.equals("RUNNING") && live == null && stored.heartbeatAt().plus(staleAfter).isBefore(now)) {
            state = "STOPPED";
        }
        Instant end = stored.finishedAt() == null ? now : stored.finishedAt();
        double seconds = Math.max(0.001, Duration.between(stored.startedAt(), end).toMillis() / 1000.0);
        double rate = Math.round(done / seconds * 10) / 10.0;
        Instant estimate = state.equals("RUNNING") && rate > 0
                ? now.plusMillis((long) ((stored.rows() - done) / rate * 1000)) : null;
        List<ImportReport.RejectedRow> page = report == null ? List.of() : page(report.rejected(), offset, limit);
        String error = state.equals("STOPPED") ? "the instance running the import stopped after " + done + " of "
                + stored.rows() + " rows" : stored.error();
        String next = switch (state) {
            case "STOPPED", "FAILED" -> RESUME;
            case "DONE" -> rejected > 0 ? "correct the rejected rows and import the file again: the rows already "
                    + "recorded are skipped" : null;
            default -> null;
        };
        return Optional.of(new ImportJob(id, state, stored.file(), stored.rows(), done, accepted, already, rejected,
                page, report != null, report == null ? 0 : report.rejected().size(), rate, stored.startedAt(),
                updatedAt, stored.finishedAt(), estimate, error, next));
    }

    /** Rows done by the jobs running on this instance, for the metrics. */
    public long rowsInProgress() {
        synchronized (jobs) {
            return jobs.values().stream().filter(live -> !live.ended).mapToLong(live -> live.report.rows()).sum();
        }
    }

    /** Jobs running or waiting on this instance. */
    public int running() {
        synchronized (jobs) {
            return (int) jobs.values().stream().filter(live -> !live.ended).count();
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    private Live begin(Reader csv, ImportSource source) {
        DocketFile file;
        try {
            file = docketImport.spool(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docket " + source.label(), e);
        }
        Live live = new Live(UUID.randomUUID(), file, source, clock.instant());
        try {
            store.started(live.id, source, instanceId, file.rows(), live.updatedAt);
        } catch (RuntimeException e) {
            close(file);
            throw e;
        }
        synchronized (jobs) {
            jobs.put(live.id, live);
            if (jobs.size() > KEPT_JOBS) {
                jobs.entrySet().stream().filter(entry -> entry.getValue().ended).findFirst()
                    .ifPresent(oldest -> jobs.remove(oldest.getKey()));
            }
        }
        log.info("Docket import {} started: {} ({} rows)", live.id, source.label(), file.rows());
        return live;
    }

    private void run(Live live) {
        try (DocketFile file = live.file) {
            live.report = docketImport.importFile(file, live.source, soFar -> {
                live.report = soFar;
                Instant now = clock.instant();
                if (!now.isBefore(live.updatedAt.plus(PROGRESS_EVERY))) {
                    live.updatedAt = now;
                    store.progressed(live.id, soFar, now);
                }
            });
            end(live, null);
        } catch (RuntimeException e) {
            log.error("Docket import {} failed after {} rows; importing the same file again completes it", live.id,
                    live.report.rows(), e);
            live.error = e;
            end(live, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (IOException e) {
            end(live, null); // the copy could not be deleted: the import itself is complete
            log.warn("Docket import {}: the temporary copy of the file could not be deleted", live.id, e);
        }
    }

    private void end(Live live, String error) {
        Instant now = clock.instant();
        live.updatedAt = now;
        try {
            store.ended(live.id, live.report, error, now);
        } catch (RuntimeException e) {
            log.error("Docket import {}: its end could not be recorded; it will be seen as stopped", live.id, e);
        }
        live.ended = true;
    }

    private void beat() {
        try {
            List<UUID> ids = new ArrayList<>();
            synchronized (jobs) {
                jobs.forEach((id, live) -> {
                    if (!live.ended) {
                        ids.add(id);
                    }
                });
            }
            store.heartbeat(ids, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Docket import heartbeat failed: {}", e.getMessage());
        }
    }

    private static List<ImportReport.RejectedRow> page(List<ImportReport.RejectedRow> rows, int offset, int limit) {
        int from = Math.min(Math.max(0, offset), rows.size());
        return rows.subList(from, Math.min(rows.size(), from + Math.max(0, limit)));
    }

    private static void close(DocketFile file) {
        try {
            file.close();
        } catch (IOException e) {
            log.warn("The temporary copy of a docket file could not be deleted", e);
        }
    }

    /** A job this instance started: its file, and its counts as of its latest chunk. */
    private static final class Live {

        final UUID id;
        final DocketFile file;
        final ImportSource source;
        volatile ImportReport report = new ImportReport(0, 0, 0, List.of(), 0);
        volatile Instant updatedAt;
        volatile boolean ended;
        volatile RuntimeException error;

        Live(UUID id, DocketFile file, ImportSource source, Instant startedAt) {
            this.id = id;
            this.file = file;
            this.source = source;
            this.updatedAt = startedAt;
        }
    }
}
