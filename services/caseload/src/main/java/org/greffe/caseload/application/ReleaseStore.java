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
     * Stores a release with every tribunal's part, in one transaction, unless one for the same month exists (made
     * meanwhile by another instance); the first one stored is the release.
     *
     * @param cases every case's last folded sequence when the release was made, for the next release to tell which
     *              cases changed since
     * @return true when this one was stored
     */
    boolean add(Release release, Map<String, TribunalRelease> tribunals, Map<String, Long> cases);

    /** A tribunal's published months in the release, oldest first; empty when it had no case. */
    List<PublishedMonth> months(Release release, String tribunalId);

    /** A tribunal's part of the release, or {@code null} when it has none. */
    TribunalRelease tribunal(Release release, String tribunalId);

    /** Every case's last folded sequence when the release was made. */
    Map<String, Long> cases(Release release);

    /** The deployment's cell-key secret, made by whoever first asks for it. */
    byte[] cellKeySecret();
}
