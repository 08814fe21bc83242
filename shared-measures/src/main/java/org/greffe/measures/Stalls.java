package org.greffe.measures;

import org.greffe.events.AdjournmentReason;
import org.greffe.events.HearingKind;
import org.greffe.events.SuspensionReason;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the cases of one tribunal stall, over {@code [from, to]} and as of {@code to}: the same definitions for the live
 * projection's records and for the auditors' replay of the raw log. Every map lists every code, zeros included, so
 * that a reader sees what did not happen as well as what did.
 *
 * @param tribunalId              the tribunal
 * @param from                    first day of the period
 * @param to                      last day of the period, and the day the stocks are counted
 * @param adjournmentsByReason    hearings adjourned at the tribunal in the period, by reason
 * @param adjournmentsByKind      the same, by hearing kind
 * @param trialHearingsDue        trial hearings that came in the period at the tribunal: held or adjourned
 * @param trialHearingsAdjourned  of those, the adjourned ones
 * @param trialAdjournedShare     their share (%), {@code null} when none came
 * @param suspendedByReason       cases pending at the tribunal on {@code to} and suspended then, by reason
 * @param activePending           cases pending at the tribunal on {@code to} and not suspended
 * @param inactive                of those, the ones whose latest procedural step ({@link CaseRecord#lastStepBy}) is
 *                                more than 90, 180 and 365 days before {@code to} (keys {@code >90}, {@code >180},
 *                                {@code >365}; each counts the longer ones too). Suspended cases are left out: their
 *                                wait is explained, and counted by reason above
 * @param filedInPeriod           cases filed at the tribunal in the period
 * @param withoutIncidentDate     of those, the ones filed without the incident's date
 * @param medianReportingDays     median days from incident to filing of the others, {@code null} when none
 * @param reportingDelay          the others by days from incident to filing ({@code 0-30}, {@code 31-90},
 *                                {@code 91-365}, {@code >365})
 */
public record Stalls(String tribunalId, LocalDate from, LocalDate to, Map<String, Integer> adjournmentsByReason,
                     Map<String, Integer> adjournmentsByKind, int trialHearingsDue, int trialHearingsAdjourned,
                     Double trialAdjournedShare, Map<String, Integer> suspendedByReason, int activePending,
                     Map<String, Integer> inactive, int filedInPeriod, int withoutIncidentDate,
                     Double medianReportingDays, Map<String, Integer> reportingDelay) {

    /** Days without a procedural step past which an active pending case counts as inactive. */
    public static final List<Integer> INACTIVITY_DAYS = List.of(90, 180, 365);

    /** The stall figures of the tribunal from the records of every case that was ever there. */
    public static Stalls of(String tribunalId, Collection<CaseRecord> records, LocalDate from, LocalDate to) {
        Map<String, Integer> byReason = zeros(AdjournmentReason.values());
        Map<String, Integer> byKind = zeros(HearingKind.values());
        Map<String, Integer> suspended = zeros(SuspensionReason.values());
        Map<String, Integer> inactive = new LinkedHashMap<>();
        INACTIVITY_DAYS.forEach(days -> inactive.put(">" + days, 0));
        Map<String, Integer> delays = new LinkedHashMap<>();
        List.of("0-30", "31-90", "91-365", ">365").forEach(band -> delays.put(band, 0));
        int due = 0;
        int dueAdjourned = 0;
        int active = 0;
        int filed = 0;
        int undated = 0;
        List<Long> reporting = new ArrayList<>();
        for (CaseRecord record : records) {
            for (HearingOutcome outcome : record.hearingOutcomes()) {
                if (!outcome.tribunalId().equals(tribunalId) || outcome.on().isBefore(from)
                        || outcome.on().isAfter(to)) {
                    continue;
                }
                if (outcome.adjourned()) {
                    byReason.merge(outcome.adjournedFor().name(), 1, Integer::sum);
                    byKind.merge(outcome.kind().name(), 1, Integer::sum);
                }
                if (outcome.kind() == HearingKind.TRIAL) {
                    due++;
                    dueAdjourned += outcome.adjourned() ? 1 : 0;
                }
            }
            if (record.pendingAt(tribunalId, to).isPresent()) {
                var suspension = record.suspensionOn(to);
                if (suspension.isPresent()) {
                    if (suspension.get().reason() == null) {
                        throw new IllegalStateException("case " + record.caseId() + " was folded before suspension "
                                + "reasons were kept: rebuild the projection (POST /api/audit/rebuild) first");
                    }
                    suspended.merge(suspension.get().reason().name(), 1, Integer::sum);
                } else {
                    active++;
                    long idle = ChronoUnit.DAYS.between(record.lastStepBy(to), to);
                    INACTIVITY_DAYS.forEach(days -> {
                        if (idle > days) {
                            inactive.merge(">" + days, 1, Integer::sum);
                        }
                    });
                }
            }
            Spell first = record.spells().get(0);
            if (first.entry() == Spell.Entry.FILED && first.tribunalId().equals(tribunalId)
                    && !first.enteredOn().isBefore(from) && !first.enteredOn().isAfter(to)) {
                filed++;
                if (record.incidentOn() == null) {
                    undated++;
                } else {
                    long days = ChronoUnit.DAYS.between(record.incidentOn(), record.filedOn());
                    reporting.add(days);
                    delays.merge(days <= 30 ? "0-30" : days <= 90 ? "31-90" : days <= 365 ? "91-365" : ">365", 1,
                            Integer::sum);
                }
            }
        }
        reporting.sort(null);
        return new Stalls(tribunalId, from, to, byReason, byKind, due, dueAdjourned,
                CaseloadCalculator.percent(dueAdjourned, due), suspended, active, inactive, filed, undated,
                CaseloadCalculator.median(reporting), delays);
    }

    private static Map<String, Integer> zeros(Enum<?>[] codes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Enum<?> code : codes) {
            counts.put(code.name(), 0);
        }
        return counts;
    }
}
