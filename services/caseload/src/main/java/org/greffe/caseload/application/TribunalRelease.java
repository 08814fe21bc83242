package org.greffe.caseload.application;

import org.greffe.measures.PublishedMonth;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tribunal's part of a release.
 *
 * @param months    its published months, oldest first
 * @param unrevised for a month whose published stocks were kept from an earlier release, the cases whose part in
 *                  them has changed since they were drawn (fewer than the threshold); never shown to readers
 */
public record TribunalRelease(List<PublishedMonth> months, Map<YearMonth, Set<String>> unrevised) {

    public TribunalRelease {
        months = List.copyOf(months);
        unrevised = Map.copyOf(unrevised);
    }
}
