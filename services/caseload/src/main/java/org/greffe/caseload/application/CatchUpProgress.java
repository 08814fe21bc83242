package org.greffe.caseload.application;

import java.util.Optional;

/**
 * Where a bulk build of the caseload projection at start-up ({@link BulkCatchUp}) reports how far it has got, so that
 * readers on every instance, not only the one that builds, are told how long to wait. The build itself runs in one
 * transaction that nobody else sees until it commits; its reports are written each in a transaction of its own.
 */
public interface CatchUpProgress {

    /** How far the running build has got: reported at its start and then about every second. */
    void report(BuildProgress progress);

    /** The build ended, built or failed: readers no longer wait for it. */
    void ended();

    /**
     * The build under way, as last reported; empty when none runs, or when its builder stopped reporting (it died
     * with its instance) a while ago.
     */
    Optional<BuildProgress> current();
}
