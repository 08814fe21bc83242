package org.greffe.registry.application.docket;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.greffe.events.CaseId;
import org.greffe.registry.application.CaseEventHistories;
import org.greffe.registry.application.CaseLocks;
import org.greffe.registry.application.CaseNotFound;
import org.greffe.registry.application.CaseChanged;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.DocketClaims;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.IdempotencyKeyReused;
import org.greffe.registry.application.IdempotencyStore;
import org.greffe.registry.application.InvalidDocket;
import org.greffe.registry.application.Problem;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.application.Words;
import org.greffe.registry.application.docket.ImportReport.Reason;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.ReferenceData;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Imports a CSV docket: one row per case event, decided by the {@code Case} aggregate's own command handlers with the
 * same metadata as the HTTP API, and written a chunk of rows at a time. Each chunk runs in one transaction: it locks
 * every case its rows touch (as the API locks one), reads their events, the docket numbers and the idempotency keys
 * it needs in one query each, decides its rows in memory one after the other, then writes its docket-number claims,
 * idempotency records and events in one statement or batch each, and commits. A row the case refuses leaves nothing
 * and takes no other row with it; a chunk the database refuses as a whole (a docket number or row claimed by a
 * concurrent transaction meanwhile) is decided again from what that transaction committed. Each row's idempotency key
 * is derived from its content, so a file imported again appends nothing new, and a crash loses no committed chunk:
 * importing the file again completes it. A file that is not a docket file at all, or too large, is refused before any
 * row is applied.
 */
public class DocketImport {

    private static final Logger log = LoggerFactory.getLogger(DocketImport.class);
    /** Attempts at a chunk refused for lock conflicts (deadlock, serialization) before the import stops. */
    private static final int MAX_ATTEMPTS = 5;

    private final TransactionTemplate transaction;
    private final DocketClaims claims;
    private final IdempotencyStore idempotency;
    private final CaseLocks locks;
    private final CaseEventHistories histories;
    private final EventBus eventBus;
    private final Supplier<List<CorrelationDataProvider>> correlationData;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final DocketImportSettings settings;

    /**
     * @param eventBus        the application's event store: chunks' events are appended through it, as the command
     *                        bus's are, with their authentication codes and metrics
     * @param correlationData the application command bus's correlation-data providers, asked for at the first import
     */
    public DocketImport(TransactionTemplate transaction, DocketClaims claims, IdempotencyStore idempotency,
                        CaseLocks locks, CaseEventHistories histories, EventBus eventBus,
                        Supplier<List<CorrelationDataProvider>> correlationData, ReferenceData referenceData,
                        Clock clock, DocketImportSettings settings) {
        this.transaction = transaction;
        this.claims = claims;
        this.idempotency = idempotency;
        this.locks = locks;
        this.histories = histories;
        this.eventBus = eventBus;
        this.correlationData = correlationData;
        this.referenceData = referenceData;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Reads UTF-8 strictly: a byte sequence that is not UTF-8 stops the import as {@link InvalidDocket} rather than
     * entering the log as replacement characters.
     */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
    }

    /** Largest file accepted, in bytes; lets a caller refuse an oversized upload before reading it. */
    public long maxBytes() {
        return settings.maxBytes();
    }

    /**
     * Imports the rows of a docket file in order.
     *
     * @param csv    the file: UTF-8 text, RFC 4180 CSV, header row first, {@code #} starts a comment line
     * @param source who imports, recorded with every event
     * @return what happened to each row
     * @throws InvalidDocket  when the file is not a docket file; nothing was imported
     * @throws DocketTooLarge when the file is over the size or row limit; nothing was imported
     */
    public ImportReport importCsv(Reader csv, ImportSource source) {
        try (DocketFile file = spool(csv)) {
            return importFile(file, source, progress -> {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docket " + source.label(), e);
        }
    }

    /**
     * Copies and checks a docket file before any row is applied; the caller closes it, which deletes the copy.
     *
     * @throws InvalidDocket  when the file is not a docket file
     * @throws DocketTooLarge when the file is over the size or row limit
     */
    DocketFile spool(Reader csv) throws IOException {
        return DocketFile.spool(csv, settings.maxBytes(), settings.maxRows());
    }

    /**
     * Imports a checked file's rows, reporting after every chunk.
     *
     * @param progress told what the rows done so far gave, after each committed chunk
     */
    ImportReport importFile(DocketFile file, ImportSource source, ImportProgress progress) {
        String correlationId = UUID.randomUUID().toString();
        log.info("Importing docket {}: {} rows, correlation id {}", source.label(), file.rows(), correlationId);
        Tally tally = new Tally(source.label(), file.rows(), clock.millis());
        MemoryCases cases = new MemoryCases(referenceData, clock, correlationData.get());
        List<Parsed> chunk = new ArrayList<>(settings.chunkRows());
        file.forEachRow(raw -> {
            chunk.add(Parsed.of(raw));
            if (chunk.size() == settings.chunkRows()) {
                applyChunk(chunk, source, correlationId, cases, tally, progress);
            }
        });
        if (!chunk.isEmpty()) {
            applyChunk(chunk, source, correlationId, cases, tally, progress);
        }
        ImportReport report = tally.report();
        log.info("Imported docket {}: {}, in {} ms ({} rows/s)", source.label(), report.summary(),
                tally.elapsedMillis(), tally.rate());
        return report;
    }

    private void applyChunk(List<Parsed> chunk, ImportSource source, String correlationId, MemoryCases cases,
                            Tally tally, ImportProgress progress) {
        List<Applied> outcomes = decideAndWrite(chunk, source, correlationId, cases);
        int before = tally.done();
        for (int i = 0; i < chunk.size(); i++) {
            tally.add(chunk.get(i).line(), outcomes.get(i));
        }
        chunk.clear();
        if (tally.done() / settings.progressEvery() > before / settings.progressEvery()
                && tally.done() < tally.rows) {
            tally.logProgress();
        }
        progress.chunkDone(tally.report());
    }

    /**
     * One chunk in one transaction, decided again from scratch when a concurrent transaction got in its way. Each time
     * the database refuses the chunk, another transaction has committed a docket number or a row the chunk wanted,
     * which the next attempt reads: a chunk is decided again at most once per docket number or row taken from it,
     * plus a few attempts for lock conflicts, however busy the API is.
     */
    private List<Applied> decideAndWrite(List<Parsed> chunk, ImportSource source, String correlationId,
                                         MemoryCases cases) {
        int attempts = chunk.size() + MAX_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> decide(chunk, source, correlationId, cases));
            } catch (ChunkRefused | ConcurrencyException | ConcurrencyFailureException e) {
                if (attempt == attempts) {
                    throw new IllegalStateException("rows from line " + chunk.get(0).line() + " could not be "
                            + "recorded: concurrent changes refused them " + attempts + " times; import the file "
                            + "again to complete it (rows already recorded are skipped)", e);
                }
                log.info("Docket rows from line {} decided again (attempt {}): {}", chunk.get(0).line(),
                        attempt + 1, e.getMessage());
            }
        }
    }

    private List<Applied> decide(List<Parsed> chunk, ImportSource source, String correlationId,
                                 MemoryCases cases) {
        // The cases the rows name: a filing names its own; any other row, the case its docket number was filed as.
        Set<DocketClaims.Docket> dockets = new LinkedHashSet<>();
        for (Parsed parsed : chunk) {
            if (parsed.row() != null) {
                dockets.add(DocketClaims.Docket.of(parsed.row().tribunalId(), parsed.row().docketNumber()));
            }
        }
        Map<DocketClaims.Docket, CaseId> committed = claims.holdersOf(dockets);
        Set<CaseId> touched = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Parsed parsed : chunk) {
            DocketRow row = parsed.row();
            if (row != null) {
                keys.add(row.fingerprint().idempotencyKey());
                CaseId caseId = row.event() == DocketEvent.FILED
                        ? DocketEntry.filedCaseId(row.tribunalId(), row.docketNumber())
                        : committed.get(DocketClaims.Docket.of(row.tribunalId(), row.docketNumber()));
                if (caseId != null) {
                    touched.add(caseId);
                }
            }
        }
        // Locks first: what is read next is what the chunk's rows are decided on, and nobody changes it meanwhile.
        locks.lockAllUntilCommit(touched);
        Map<String, IdempotencyStore.Recorded> recorded = idempotency.findAll(keys);
        cases.reset(histories.of(touched), committed);

        List<Applied> outcomes = new ArrayList<>(chunk.size());
        List<IdempotencyStore.Completed> completed = new ArrayList<>();
        Set<String> keysOfChunk = new HashSet<>();
        for (Parsed parsed : chunk) {
            outcomes.add(parsed.row() == null ? Applied.rejected(parsed.invalid())
                    : decide(parsed.row(), recorded, keysOfChunk, completed, cases,
                    new RequestContext(source.user(), correlationId, parsed.row().fingerprint().idempotencyKey(),
                            source.source())));
        }

        Set<DocketClaims.Docket> taken = claims.claimAll(cases.claims().newClaims());
        if (!taken.isEmpty()) {
            throw new ChunkRefused(taken.size() + " docket numbers were claimed by another transaction meanwhile");
        }
        Set<String> raced = idempotency.recordAll(completed);
        if (!raced.isEmpty()) {
            throw new ChunkRefused(raced.size() + " rows were recorded by another import meanwhile");
        }
        if (!cases.appended().isEmpty()) {
            eventBus.publish(cases.appended());
        }
        return outcomes;
    }

    private Applied decide(DocketRow row, Map<String, IdempotencyStore.Recorded> recorded, Set<String> keysOfChunk,
                           List<IdempotencyStore.Completed> completed, MemoryCases cases, RequestContext context) {
        String key = context.idempotencyKey();
        String fingerprint = row.fingerprint().value();
        IdempotencyStore.Recorded earlier = recorded.get(key);
        if (earlier != null) {
            return earlier.fingerprint().equals(fingerprint) ? Applied.ALREADY_IMPORTED
                    : Applied.rejected(rejection(new IdempotencyKeyReused(), row));
        }
        if (keysOfChunk.contains(key)) {
            return Applied.ALREADY_IMPORTED;
        }
        Optional<CaseId> caseId = row.event() == DocketEvent.FILED
                ? Optional.of(DocketEntry.filedCaseId(row.tribunalId(), row.docketNumber()))
                : cases.claims().find(row.tribunalId(), row.docketNumber());
        if (caseId.isEmpty()) {
            return Applied.rejected(referenceData.isKnownTribunal(row.tribunalId())
                    ? Reason.worded(Wording.of("import.no-case-file-first", row.docketNumber(), row.tribunalId()),
                    "docketNumber: no case with docket number '" + row.docketNumber() + "' at tribunal "
                    + row.tribunalId() + "; file it first (a FILED row earlier in the file, or POST /api/cases)")
                    : Reason.worded(Wording.of("import.unknown-tribunal", row.tribunalId()),
                    "tribunalId: unknown tribunal '" + row.tribunalId() + "'"));
        }
        try {
            CommandResult result = cases.decide(row.command(caseId.get()), context);
            keysOfChunk.add(key);
            completed.add(new IdempotencyStore.Completed(key, fingerprint, result));
            return Applied.ACCEPTED;
        } catch (Rejection e) {
            // Any other failure is not the row's fault (the database is gone, a bug) and stops the import: chunks
            // before it are recorded, and importing the file again completes it.
            return Applied.rejected(rejection(e, row));
        }
    }

    /**
     * Why the case refused the row, worded as the API words it ({@link Problem#summary()}), except where the API
     * names the case or hearing by an id the file never shows: there the row names them as the file does.
     */
    private static Reason rejection(Rejection e, DocketRow row) {
        if (e instanceof HearingNotFound && row.entry() instanceof DocketEntry.OfHearing hearing) {
            return Reason.worded(Wording.of("import.no-hearing", row.docketNumber(), row.tribunalId(),
                    hearing.hearing()), "hearing: case " + row.docketNumber() + " at " + row.tribunalId()
                    + " has no hearing '" + hearing.hearing() + "'; schedule it first with a HEARING_SCHEDULED row");
        }
        if (e instanceof CaseNotFound) {
            return Reason.worded(Wording.of("import.no-case", row.docketNumber(), row.tribunalId()),
                    "docketNumber: no case with docket number '" + row.docketNumber() + "' at tribunal "
                    + row.tribunalId());
        }
        if (e instanceof CaseChanged) {
            return Reason.worded(Wording.of("import.case-changed"), "another command changed the case at the same "
                    + "time; nothing was recorded for this row, import the file again to retry it");
        }
        return words -> Problem.of(e, words).summary(words);
    }

    /** Told after every committed chunk what the rows done so far gave. */
    @FunctionalInterface
    interface ImportProgress {

        void chunkDone(ImportReport soFar);
    }

    /** A row of the file, with its cells converted, or why they could not be. */
    private record Parsed(long line, DocketRow row, Reason invalid) {

        static Parsed of(DocketFile.Row raw) {
            try {
                return new Parsed(raw.line(), DocketCells.parse(raw), null);
            } catch (DocketCells.InvalidRow e) {
                return new Parsed(raw.line(), null, e.reason());
            }
        }
    }

    /** The database refused the chunk as decided: a concurrent transaction committed what it was about to write. */
    private static final class ChunkRefused extends RuntimeException {

        ChunkRefused(String message) {
            super(message);
        }
    }

    /** Counts outcomes as rows go by, keeps the first rejected rows for the report, and reports progress. */
    private final class Tally {

        private final String label;
        private final int rows;
        private final long startMillis;
        private int accepted;
        private int alreadyImported;
        private int rejectedTotal;
        private final List<ImportReport.RejectedRow> rejected = new ArrayList<>();

        Tally(String label, int rows, long startMillis) {
            this.label = label;
            this.rows = rows;
            this.startMillis = startMillis;
        }

        void add(long line, Applied applied) {
            if (applied.rejection() != null) {
                rejectedTotal++;
                if (rejected.size() < settings.maxReportedRejections()) {
                    rejected.add(new ImportReport.RejectedRow(line, applied.rejection().in(Words.ENGLISH),
                            applied.rejection()));
                }
            } else if (applied.replayed()) {
                alreadyImported++;
            } else {
                accepted++;
            }
        }

        int done() {
            return accepted + alreadyImported + rejectedTotal;
        }

        void logProgress() {
            log.info("Docket {}: {}/{} rows done ({}%), {} rows/s; {} accepted, {} already imported, {} rejected",
                    label, done(), rows, done() * 100L / rows, rate(), accepted, alreadyImported, rejectedTotal);
        }

        long elapsedMillis() {
            return clock.millis() - startMillis;
        }

        long rate() {
            return done() * 1000L / Math.max(1, elapsedMillis());
        }

        ImportReport report() {
            return new ImportReport(done(), accepted, alreadyImported, rejected, rejectedTotal);
        }
    }

    /**
     * What became of one row.
     *
     * @param replayed  an earlier import had already recorded it
     * @param rejection why nothing was recorded, or null
     */
    private record Applied(boolean replayed, Reason rejection) {

        static final Applied ACCEPTED = new Applied(false, null);
        static final Applied ALREADY_IMPORTED = new Applied(true, null);

        static Applied rejected(Reason why) {
            return new Applied(false, why);
        }
    }
}
