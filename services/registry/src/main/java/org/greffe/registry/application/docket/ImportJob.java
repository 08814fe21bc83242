package org.greffe.registry.application.docket;

import org.greffe.registry.application.Words;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How far a docket import has got, as any instance can answer it.
 *
 * @param id                the job
 * @param state             {@code RUNNING}; {@code DONE}; {@code FAILED} (stopped by a failure that is not a row's
 *                          fault, see {@code error}); {@code STOPPED} (its instance stopped without finishing it)
 * @param file              the file's name, or who uploaded it
 * @param rows              data rows in the file
 * @param done              rows decided and committed so far
 * @param accepted          rows that appended their event
 * @param alreadyImported   rows an earlier import had already recorded
 * @param rejectedTotal     rows that appended nothing
 * @param rejected          the requested page of the rejected rows the job listed (in file order), or empty when
 *                          they are not held here ({@code rejectedAvailable})
 * @param rejectedAvailable whether this instance holds the job's rejected rows: they stay in the memory of the
 *                          instance that ran the job, never in the database, since a rejection quotes a cell
 * @param rejectedListed    how many rejected rows the job listed in all (the first 1,000 by default); the others are
 *                          only counted
 * @param rowsPerSecond     rows done per second since the start
 * @param startedAt         when the job started
 * @param updatedAt         when its counts were last brought up to date
 * @param finishedAt        when it ended, or null
 * @param estimatedFinish   when it should end at its rate so far, while it runs
 * @param error             why it failed or stopped, or null
 * @param next              what to do next, in one sentence, or null when nothing is left to do
 */
public record ImportJob(UUID id, String state, String file, int rows, int done, int accepted, int alreadyImported,
                        int rejectedTotal, List<ImportReport.RejectedRow> rejected, boolean rejectedAvailable,
                        int rejectedListed, double rowsPerSecond, Instant startedAt, Instant updatedAt,
                        Instant finishedAt, Instant estimatedFinish, String error, String next) {

    public ImportJob {
        rejected = List.copyOf(rejected);
    }

    /** The same job, each listed rejected row's reason said in the words given (the reader's language). */
    public ImportJob in(Words words) {
        return new ImportJob(id, state, file, rows, done, accepted, alreadyImported, rejectedTotal,
                rejected.stream().map(row -> row.in(words)).toList(), rejectedAvailable, rejectedListed, rowsPerSecond,
                startedAt, updatedAt, finishedAt, estimatedFinish, error, next);
    }
}
