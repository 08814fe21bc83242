package org.greffe.registry.application.docket;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Where import jobs' counts are kept, so that every instance can answer for every job. */
public interface ImportJobStore {

    /** Records a new running job. */
    void started(UUID id, ImportSource source, String instanceId, int rows, Instant at);

    /** Brings a running job's counts and heartbeat up to date. */
    void progressed(UUID id, ImportReport soFar, Instant at);

    /** Records how a job ended: {@code error} null when it finished, its reason when it failed. */
    void ended(UUID id, ImportReport report, String error, Instant at);

    /** Tells that these jobs' instance is alive and still working on them. */
    void heartbeat(Collection<UUID> ids, Instant at);

    Optional<Stored> find(UUID id);

    /**
     * A job as stored.
     *
     * @param state RUNNING, DONE or FAILED
     */
    record Stored(UUID id, String file, String state, int rows, int done, int accepted, int alreadyImported,
                  int rejected, String error, Instant startedAt, Instant heartbeatAt, Instant finishedAt) {
    }
}
