package org.greffe.audit.application;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.forecast.BacklogForecast;
import org.greffe.measures.forecast.Forecast;
import org.greffe.measures.forecast.ForecastInput;
import org.greffe.measures.forecast.ForecastInputs;
import org.greffe.measures.forecast.ForecastSettings;
import org.greffe.measures.forecast.Scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts re-run from the raw event log as it was known at an instant, and checked against what happened. A past
 * forecast is re-made exactly as it could have been made then: from the events recorded by then (a case recorded
 * later, even one dated earlier, is left out), with the same model, settings and seed. Its accuracy is measured
 * against the log as it is known now, the best account of what happened.
 */
public class ForecastReplay {

    /** The most forecast dates one accuracy check makes. */
    public static final int MAX_ORIGINS = 60;
    /** The longest horizon an accuracy check measures. */
    public static final int MAX_HORIZON = 36;

    private final CaseStreams log;
    private final TimeStandards standards;
    private final BacklogForecast model = new BacklogForecast();

    public ForecastReplay(CaseStreams log, TimeStandards standards) {
        this.log = log;
        this.standards = standards;
    }

    /**
     * The forecast of the tribunal from {@code asOf}, as the log was known at {@code knownAt}.
     *
     * @return the forecast, the newest log position the replay read from, and how many events it read
     */
    public Replayed forecast(String tribunalId, LocalDate asOf, Instant knownAt, ForecastSettings settings) {
        List<CaseRecord> records = new ArrayList<>();
        CaseStreams.Snapshot snapshot = log.forEachCase(tribunalId, events -> {
            CaseRecord record = CaseloadReplay.asKnown(events, asOf, knownAt);
            if (record != null && record.tribunals().contains(tribunalId)) {
                records.add(record);
            }
        });
        return new Replayed(run(tribunalId, records, asOf, settings), snapshot.head(),
                snapshot.eventsRead());
    }

    /**
     * The seed depends on the tribunal, the day and the settings, not on when the forecast was made: a forecast
     * re-run as known at the instant it was served is the very forecast that was served.
     */
    private Forecast run(String tribunalId, List<CaseRecord> records, LocalDate asOf, ForecastSettings settings) {
        ForecastInput input = ForecastInputs.fromRecords(tribunalId, records, asOf, settings.basis(), standards);
        return model.run(input, settings.scenario(), settings.months(), ForecastSettings.PATHS,
                settings.seed(tribunalId, "as of " + asOf));
    }

    /**
     * How good the tribunal's forecasts were: one forecast at the end of each of {@code origins} months up to
     * {@code lastOrigin}, at the tribunal's own pace, each made from the log as known then ({@code asRecorded}) or
     * as corrected since (not), compared month by month with the figures as the log now knows them.
     *
     * @param lastOrigin the month at whose end the last forecast is made
     * @param now        the instant that counts as now: what happened is the log as known then
     * @param zone       the courts' time zone: a forecast at a month's end knows what was recorded by that day's end
     */
    public Accuracy accuracy(String tribunalId, YearMonth lastOrigin, int origins, int horizon, int basis,
                             boolean asRecorded, Instant now, ZoneId zone) {
        if (origins < 1 || origins > MAX_ORIGINS || horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("origins must be from 1 to " + MAX_ORIGINS + " and horizon from 1 to "
                    + MAX_HORIZON);
        }
        List<List<DomainEventMessage<?>>> cases = new ArrayList<>();
        List<CaseRecord> happened = new ArrayList<>();
        CaseStreams.Snapshot snapshot = log.forEachCase(tribunalId, events -> {
            List<DomainEventMessage<?>> copy = List.copyOf(events);
            cases.add(copy);
            CaseRecord record = CaseloadReplay.asKnown(copy, LocalDate.MAX, now);
            if (record != null && record.tribunals().contains(tribunalId)) {
                happened.add(record);
            }
        });
        YearMonth lastKnown = ForecastInputs.lastWholeMonth(LocalDate.ofInstant(now, zone));
        ForecastSettings settings = new ForecastSettings(horizon, basis, Scenario.CURRENT_PACE);
        Tally[] tallies = new Tally[horizon + 1];
        for (int h = 1; h <= horizon; h++) {
            tallies[h] = new Tally();
        }
        List<Origin> made = new ArrayList<>();
        for (YearMonth origin = lastOrigin.minusMonths(origins - 1L); !origin.isAfter(lastOrigin);
             origin = origin.plusMonths(1)) {
            LocalDate asOf = origin.atEndOfMonth();
            Instant knownAt = asRecorded ? asOf.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1) : now;
            if (knownAt.isAfter(now)) {
                continue;
            }
            List<CaseRecord> known = new ArrayList<>();
            long eventsKnown = 0;
            for (List<DomainEventMessage<?>> events : cases) {
                eventsKnown += events.stream().filter(event -> !event.getTimestamp().isAfter(knownAt)).count();
                CaseRecord record = CaseloadReplay.asKnown(events, asOf, knownAt);
                if (record != null && record.tribunals().contains(tribunalId)) {
                    known.add(record);
                }
            }
            ForecastInputs.Observed start = ForecastInputs.observed(tribunalId, known, asOf, standards);
            if (eventsKnown == 0) {
                made.add(new Origin(origin, knownAt, 0, start.pending(), start.backlog(), false));
                continue;
            }
            made.add(new Origin(origin, knownAt, eventsKnown, start.pending(), start.backlog(), true));
            Forecast forecast = run(tribunalId, known, asOf, settings);
            for (int h = 1; h <= horizon && !origin.plusMonths(h).isAfter(lastKnown); h++) {
                Forecast.Month month = forecast.months().get(h - 1);
                ForecastInputs.Observed actual = ForecastInputs.observed(tribunalId, happened,
                        month.month().atEndOfMonth(), standards);
                tallies[h].add(month.pending(), actual.pending(), month.backlog(), actual.backlog());
            }
        }
        List<Horizon> horizons = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            horizons.add(tallies[h].horizon(h));
        }
        return new Accuracy(made, horizons, snapshot.head(), snapshot.eventsRead());
    }

    /**
     * A re-run forecast.
     *
     * @param forecast   the forecast
     * @param position   the newest global position of the log the replay read from
     * @param eventsRead the stored events of the tribunal's cases it read
     */
    public record Replayed(Forecast forecast, long position, long eventsRead) {
    }

    /**
     * An accuracy check.
     *
     * @param origins    the forecast dates, and what was known at each
     * @param horizons   per months ahead, how close the forecasts came
     * @param position   the newest global position of the log it read from
     * @param eventsRead the stored events of the tribunal's cases it read
     */
    public record Accuracy(List<Origin> origins, List<Horizon> horizons, long position, long eventsRead) {
    }

    /**
     * One forecast date.
     *
     * @param month       the month at whose end the forecast was made
     * @param knownAt     what had been recorded by this instant was used
     * @param eventsKnown of the tribunal's cases' events, how many were recorded by then
     * @param pending     the pending cases the forecast started from, as known then
     * @param backlog     the backlog it started from, as known then
     * @param forecast    false when nothing had been recorded by then: no forecast was made
     */
    public record Origin(YearMonth month, Instant knownAt, long eventsKnown, int pending, int backlog,
                         boolean forecast) {
    }

    /**
     * How the forecasts made {@code months} ahead fared.
     *
     * @param months                   months ahead
     * @param forecasts                how many forecasts reached that far with a known outcome
     * @param pendingMeanAbsoluteError mean distance of the median pending from what happened, in cases
     * @param pendingCoverage          share of outcomes within the 80% range, in percent (80 is well calibrated)
     * @param backlogMeanAbsoluteError the same for the backlog
     * @param backlogCoverage          the same for the backlog
     */
    public record Horizon(int months, int forecasts, Double pendingMeanAbsoluteError, Double pendingCoverage,
                          Double backlogMeanAbsoluteError, Double backlogCoverage) {
    }

    /** The errors and hits of one horizon. */
    private static final class Tally {
        private int count;
        private long pendingError;
        private int pendingHits;
        private long backlogError;
        private int backlogHits;

        void add(Forecast.Range pending, int actualPending, Forecast.Range backlog, int actualBacklog) {
            count++;
            pendingError += Math.abs(pending.p50() - actualPending);
            pendingHits += pending.p10() <= actualPending && actualPending <= pending.p90() ? 1 : 0;
            backlogError += Math.abs(backlog.p50() - actualBacklog);
            backlogHits += backlog.p10() <= actualBacklog && actualBacklog <= backlog.p90() ? 1 : 0;
        }

        Horizon horizon(int months) {
            if (count == 0) {
                return new Horizon(months, 0, null, null, null, null);
            }
            return new Horizon(months, count, round((double) pendingError / count), round(100.0 * pendingHits / count),
                    round((double) backlogError / count), round(100.0 * backlogHits / count));
        }

        private static double round(double value) {
            return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
    }
}
