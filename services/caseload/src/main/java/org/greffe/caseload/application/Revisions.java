package org.greffe.caseload.application;

import org.greffe.measures.CaseRecord;
import org.greffe.measures.MonthlyCaseload;
import org.greffe.measures.PublishedMonth;
import org.greffe.measures.Spell;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * When a release may draw a past month's stocks anew. A case registered late changes the stocks of every month it
 * was pending in; drawn anew, each of those months would give a reader one more pair of tables that differ by that
 * one case, and enough pairs say which cells it went to. So a past month's broken-down stocks are drawn anew only
 * once at least {@code k} cases have changed their part in them since they were drawn; until then the release keeps
 * them as published, and only its exact totals and its flows follow the log. Every pair of published versions of a
 * month's stocks then differs by at least {@code k} cases.
 */
final class Revisions {

    private final CaseHistories histories;
    private final MonthlyCaseload monthly;
    private final int threshold;

    Revisions(CaseHistories histories, MonthlyCaseload monthly, int threshold) {
        this.histories = histories;
        this.monthly = monthly;
        this.threshold = threshold;
    }

    /**
     * For each tribunal and month up to {@code until}, the cases whose part in its stocks differs between their
     * records at the earlier release and now.
     *
     * @param before each case's last folded sequence at the earlier release
     * @param stalls whether the months have the stall tables: a case's place in them is then part of its part
     */
    Map<String, Map<YearMonth, Set<String>>> changes(Map<String, Long> before, Collection<CaseRecord> now,
                                                      YearMonth until, boolean stalls) {
        Map<String, Map<YearMonth, Set<String>>> changes = new HashMap<>();
        for (CaseRecord record : now) {
            Long sequence = before.get(record.caseId());
            if (sequence != null && sequence == record.lastSequence()) {
                continue;
            }
            CaseRecord earlier = sequence == null ? null : histories.upTo(record.caseId(), sequence);
            Set<String> tribunals = new TreeSet<>(record.tribunals());
            if (earlier != null) {
                tribunals.addAll(earlier.tribunals());
            }
            for (String tribunal : tribunals) {
                YearMonth first = Stream.concat(record.spells().stream(),
                                earlier == null ? Stream.empty() : earlier.spells().stream())
                        .filter(spell -> spell.tribunalId().equals(tribunal)).map(Spell::enteredOn)
                        .map(YearMonth::from).min(YearMonth::compareTo).orElse(until.plusMonths(1));
                for (YearMonth month = first; !month.isAfter(until); month = month.plusMonths(1)) {
                    LocalDate end = month.atEndOfMonth();
                    if (!Objects.equals(monthly.contribution(earlier, tribunal, end, stalls),
                            monthly.contribution(record, tribunal, end, stalls))) {
                        changes.computeIfAbsent(tribunal, t -> new HashMap<>())
                               .computeIfAbsent(month, m -> new HashSet<>()).add(record.caseId());
                    }
                }
            }
        }
        return changes;
    }

    /**
     * The freshly drawn months, except that a month published before keeps its published stocks while fewer than
     * {@code k} cases have changed them.
     *
     * @param earlier the tribunal's part of the earlier release, or {@code null} for a first release
     * @param changed the cases whose part in each month changed since the earlier release
     */
    TribunalRelease revise(List<PublishedMonth> fresh, TribunalRelease earlier, Map<YearMonth, Set<String>> changed) {
        if (earlier == null) {
            return new TribunalRelease(fresh, Map.of());
        }
        Map<YearMonth, PublishedMonth> published = new HashMap<>();
        earlier.months().forEach(month -> published.put(month.month(), month));
        Map<YearMonth, Set<String>> unrevised = new HashMap<>();
        List<PublishedMonth> months = fresh.stream().map(month -> {
            PublishedMonth before = published.get(month.month());
            if (before == null || !before.brokenDown() || !month.brokenDown()) {
                return month;
            }
            Set<String> since = new HashSet<>(earlier.unrevised().getOrDefault(month.month(), Set.of()));
            since.addAll(changed.getOrDefault(month.month(), Set.of()));
            if (since.size() >= threshold) {
                return month;
            }
            if (!since.isEmpty()) {
                unrevised.put(month.month(), since);
                return month.withStocksOf(before);
            }
            // No case changed since the stocks were drawn: stall tables published for the first time now describe
            // the very cases the kept stocks do, and are drawn with them from here on.
            PublishedMonth kept = month.withStocksOf(before);
            return before.stalls() == null ? kept.withStalls(month.stalls()) : kept;
        }).toList();
        return new TribunalRelease(months, unrevised);
    }
}
