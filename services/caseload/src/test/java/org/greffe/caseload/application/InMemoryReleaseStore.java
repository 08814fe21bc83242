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
    private final Map<String, Map<String, List<PublishedMonth>>> months = new HashMap<>();

    @Override
    public Optional<Release> latest() {
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.lastEntry().getValue());
    }

    @Override
    public boolean add(Release release, Map<String, List<PublishedMonth>> tribunals) {
        if (releases.putIfAbsent(release.month().toString(), release) != null) {
            return false;
        }
        months.put(release.month().toString(), Map.copyOf(tribunals));
        return true;
    }

    @Override
    public List<PublishedMonth> months(Release release, String tribunalId) {
        return months.get(release.month().toString()).getOrDefault(tribunalId, List.of());
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
