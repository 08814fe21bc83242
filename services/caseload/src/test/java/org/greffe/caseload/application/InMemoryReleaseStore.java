package org.greffe.caseload.application;

import org.greffe.measures.PublishedMonth;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Releases in memory, stored once per month as the PostgreSQL store does. */
public final class InMemoryReleaseStore implements ReleaseStore {

    private final TreeMap<String, Release> releases = new TreeMap<>();
    private final Map<String, Map<String, TribunalRelease>> parts = new HashMap<>();
    private final Map<String, Map<String, Long>> cases = new HashMap<>();

    @Override
    public Optional<Release> latest() {
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.lastEntry().getValue());
    }

    @Override
    public boolean add(Release release, Map<String, TribunalRelease> tribunals, Map<String, Long> sequences) {
        if (releases.putIfAbsent(release.month().toString(), release) != null) {
            return false;
        }
        parts.put(release.month().toString(), Map.copyOf(tribunals));
        cases.put(release.month().toString(), Map.copyOf(sequences));
        return true;
    }

    @Override
    public List<PublishedMonth> months(Release release, String tribunalId) {
        TribunalRelease part = tribunal(release, tribunalId);
        return part == null ? List.of() : part.months();
    }

    @Override
    public TribunalRelease tribunal(Release release, String tribunalId) {
        return parts.get(release.month().toString()).get(tribunalId);
    }

    @Override
    public Map<String, Long> cases(Release release) {
        return cases.get(release.month().toString());
    }

    @Override
    public byte[] cellKeySecret() {
        return "an in-memory store's test secret".getBytes(StandardCharsets.UTF_8);
    }

    /** How many releases were stored. */
    public int size() {
        return releases.size();
    }
}
