package org.greffe.caseload.application;

import org.greffe.measures.PublishedMonth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where releases are kept. Releases are publications: stored once, never changed. */
public interface ReleaseStore {

    /** The newest release, if any was made. */
    Optional<Release> latest();

    /**
     * Stores a release with every tribunal's months, in one transaction, unless one for the same month exists (made
     * meanwhile by another instance); the first one stored is the release.
     *
     * @return true when this one was stored
     */
    boolean add(Release release, Map<String, List<PublishedMonth>> tribunals);

    /** A tribunal's published months in the release, oldest first; empty when it had no case. */
    List<PublishedMonth> months(Release release, String tribunalId);

    /** The deployment's cell-key secret, made by whoever first asks for it. */
    byte[] cellKeySecret();
}
