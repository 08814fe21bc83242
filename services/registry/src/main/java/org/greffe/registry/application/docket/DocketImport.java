package org.greffe.registry.application.docket;

import org.greffe.events.CaseId;
import org.greffe.registry.application.CaseChanged;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.CaseNotFound;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.InvalidDocket;
import org.greffe.registry.application.Problem;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.model.DocketNumbers;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.ReferenceData;
import org.greffe.registry.model.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports a CSV docket: one row per case event, each applied through the same commands, metadata, case lock and
 * one-transaction-per-command path as the HTTP API. Each row's idempotency key is derived from its content, so a
 * file imported again appends nothing new. A row that breaks anything is reported with its line and never stops
 * the others; a file that is not a docket file at all, or too large, is refused before any row is applied.
 */
@Service
public class DocketImport {

    private static final Logger log = LoggerFactory.getLogger(DocketImport.class);

    private final CaseCommands commands;
    private final DocketNumbers docketNumbers;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final long maxBytes;
    private final int maxRows;
    private final int maxReportedRejections;
    private final int progressEvery;

    /**
     * @param maxBytes              largest file accepted, in bytes of UTF-8 ({@code greffe.docket-import.max-bytes})
     * @param maxRows               most data rows accepted ({@code greffe.docket-import.max-rows})
     * @param maxReportedRejections most rejected rows listed, and kept in memory, for the report; the others are
     *                              only counted ({@code greffe.docket-import.max-reported-rejections})
     * @param progressEvery         log progress after this many rows ({@code greffe.docket-import.progress-every})
     */
    public DocketImport(CaseCommands commands, DocketNumbers docketNumbers, ReferenceData referenceData, Clock clock,
                        @Value("${greffe.docket-import.max-bytes:52428800}") long maxBytes,
                        @Value("${greffe.docket-import.max-rows:1000000}") int maxRows,
                        @Value("${greffe.docket-import.max-reported-rejections:1000}") int maxReportedRejections,
                        @Value("${greffe.docket-import.progress-every:1000}") int progressEvery) {
        if (maxBytes < 1 || maxRows < 1 || progressEvery < 1) {
            throw new IllegalArgumentException("greffe.docket-import.max-bytes, max-rows and progress-every must be "
                    + "positive");
        }
        if (maxReportedRejections < 0) {
            throw new IllegalArgumentException("greffe.docket-import.max-reported-rejections must be 0 or more");
        }
        this.commands = commands;
        this.docketNumbers = docketNumbers;
        this.referenceData = referenceData;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.maxReportedRejections = maxReportedRejections;
        this.progressEvery = progressEvery;
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
        return maxBytes;
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
        try (DocketFile file = DocketFile.spool(csv, maxBytes, maxRows)) {
            String correlationId = UUID.randomUUID().toString();
            log.info("Importing docket {}: {} rows, correlation id {}", source.label(), file.rows(), correlationId);
            Tally tally = new Tally(source.label(), file.rows(), clock.millis());
            file.forEachRow(row -> {
                tally.add(row.line(), apply(row, source, correlationId));
                if (tally.done() % progressEvery == 0 && tally.done() < file.rows()) {
                    tally.logProgress();
                }
            });
            ImportReport report = tally.report();
            log.info("Imported docket {}: {}, in {} ms ({} rows/s)", source.label(), report.summary(),
                    tally.elapsedMillis(), tally.rate());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docket " + source.label(), e);
        }
    }

    private Applied apply(DocketFile.Row raw, ImportSource source, String correlationId) {
        DocketRow row;
        try {
            row = DocketCells.parse(raw);
        } catch (DocketCells.InvalidRow e) {
            return Applied.rejected(e.getMessage());
        }
        Optional<CaseId> caseId = caseOf(row);
        if (caseId.isEmpty()) {
            return Applied.rejected(referenceData.isKnownTribunal(row.tribunalId())
                    ? "docketNumber: no case with docket number '" + row.docketNumber() + "' at tribunal "
                    + row.tribunalId() + "; file it first (a FILED row earlier in the file, or POST /api/cases)"
                    : "tribunalId: unknown tribunal '" + row.tribunalId() + "'");
        }
        RequestContext context = new RequestContext(source.user(), correlationId,
                row.fingerprint().idempotencyKey(), source.source());
        try {
            CommandResult result = commands.execute(row.command(caseId.get()), context, row.fingerprint().value());
            return result.replayed() ? Applied.ALREADY_IMPORTED : Applied.ACCEPTED;
        } catch (Rejection e) {
            // Any other failure is not the row's fault (the database is gone, a bug) and stops the import: rows
            // before it are recorded, and importing the file again completes it.
            return Applied.rejected(rejection(e, row));
        }
    }

    /** A filing names its own case; every other row finds the case filed under its docket number. */
    private Optional<CaseId> caseOf(DocketRow row) {
        if (row.event() == DocketEvent.FILED) {
            return Optional.of(DocketEntry.filedCaseId(row.tribunalId(), row.docketNumber()));
        }
        return docketNumbers.find(row.tribunalId(), row.docketNumber());
    }

    /**
     * Why the case refused the row, worded as the API words it ({@link Problem#summary()}), except where the API
     * names the case or hearing by an id the file never shows: there the row names them as the file does.
     */
    private static String rejection(Rejection e, DocketRow row) {
        if (e instanceof HearingNotFound && row.entry() instanceof DocketEntry.OfHearing hearing) {
            return "hearing: case " + row.docketNumber() + " at " + row.tribunalId() + " has no hearing '"
                    + hearing.hearing() + "'; schedule it first with a HEARING_SCHEDULED row";
        }
        if (e instanceof CaseNotFound) {
            return "docketNumber: no case with docket number '" + row.docketNumber() + "' at tribunal "
                    + row.tribunalId();
        }
        if (e instanceof CaseChanged) {
            return "another command changed the case at the same time; nothing was recorded for this row, "
                    + "import the file again to retry it";
        }
        return Problem.of(e).summary();
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
                if (rejected.size() < maxReportedRejections) {
                    rejected.add(new ImportReport.RejectedRow(line, applied.rejection()));
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
    private record Applied(boolean replayed, String rejection) {

        static final Applied ACCEPTED = new Applied(false, null);
        static final Applied ALREADY_IMPORTED = new Applied(true, null);

        static Applied rejected(String why) {
            return new Applied(false, why);
        }
    }
}
