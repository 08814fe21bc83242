package org.greffe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greffe.audit.application.ForecastReplay;
import org.greffe.measures.forecast.ForecastInputs;
import org.greffe.measures.forecast.ForecastSettings;
import org.greffe.measures.forecast.TribunalForecast;
import org.greffe.platform.access.RecordedAccess;
import org.greffe.platform.settings.Tribunals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The auditors' side of the forecasts: any forecast re-run exactly as the log was known at an instant, and how good
 * a tribunal's past forecasts were against what happened.
 */
@RestController
@Tag(name = "audit", description = "Re-derive, verify and trace every published figure")
class AuditForecastController {

    private final ForecastReplay replay;
    private final Tribunals settings;
    private final Clock clock;

    AuditForecastController(ForecastReplay replay, Tribunals settings, Clock clock) {
        this.replay = replay;
        this.settings = settings;
        this.clock = clock;
    }

    @RecordedAccess("forecast-replay")
    @GetMapping(path = "/api/audit/forecast/{tribunalId}", produces = "application/json")
    @Operation(summary = "A tribunal's forecast re-run from the raw log, from a date and as known at an instant",
            description = "The forecast of GET /api/caseload/{tribunalId}/forecast, made from the events recorded by "
                    + "knownAt only: a case recorded later, even one dated earlier, does not change it")
    TribunalForecast forecast(
            @PathVariable String tribunalId,
            @Parameter(description = "the day the forecast starts from, 1960-01-01 to 2100-12-31; default today",
                    schema = @Schema(type = "string", format = "date"))
            @RequestParam(name = "asOf", required = false) String asOfText,
            @Parameter(description = "only events recorded at or before this instant; default now",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "knownAt", required = false) String knownAtText,
            @RequestParam(required = false) String months,
            @RequestParam(required = false) String basis,
            @RequestParam(required = false) String extraDispositions,
            @RequestParam(required = false) String filingChange,
            @RequestParam(required = false) String order) {
        requireKnown(tribunalId);
        LocalDate asOf = DateParameters.date("asOf", asOfText);
        Instant knownAt = DateParameters.instant("knownAt", knownAtText);
        ForecastSettings forecastSettings = settings(() -> ForecastSettings.of(months, basis, extraDispositions,
                filingChange, order));
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Instant known = knownAt == null ? clock.instant() : knownAt;
        ForecastReplay.Replayed replayed = replay.forecast(tribunalId, day, known, forecastSettings);
        return TribunalForecast.exact(tribunalId, replayed.position(), replayed.forecast());
    }

    @RecordedAccess("forecast-accuracy")
    @GetMapping(path = "/api/audit/forecast-accuracy/{tribunalId}", produces = "application/json")
    @Operation(summary = "How good a tribunal's past forecasts were: a forecast at the end of each past month, made "
            + "as the log was known then, against what happened",
            description = "For each months-ahead, the mean absolute error of the median and the share of outcomes "
                    + "inside the 80% range (80% when the ranges are honest), for the pending caseload and the "
                    + "backlog. Forecasts are at the tribunal's own pace (no scenario)")
    Accuracy accuracy(
            @PathVariable String tribunalId,
            @Parameter(description = "the month at whose end the last forecast is made (YYYY-MM); default (and "
                    + "latest) the month before the last whole month, so that at least one month after it can be "
                    + "checked")
            @RequestParam(required = false) String to,
            @Parameter(description = "how many monthly forecast dates, 1 to 60; default 24")
            @RequestParam(required = false) String origins,
            @Parameter(description = "months ahead measured, 1 to 36; default 12")
            @RequestParam(required = false) String horizon,
            @Parameter(description = "months of history each forecast uses, 1 to 120; default 24")
            @RequestParam(required = false) String basis,
            @Parameter(description = "'as-recorded' (default): each forecast knows only what was recorded by its "
                    + "date; 'corrected': it knows the log as it is now, cut at its date (for a log loaded in one go, "
                    + "such as the demo docket's)")
            @RequestParam(required = false) String knowledge) {
        requireKnown(tribunalId);
        Instant now = clock.instant();
        // The latest forecast date that has at least one month ended after it to be checked against.
        YearMonth latest = ForecastInputs.lastWholeMonth(LocalDate.now(clock)).minusMonths(1);
        YearMonth lastOrigin = to == null || to.isBlank() ? latest : month(to);
        if (lastOrigin.isAfter(latest)) {
            throw invalid("to must be a month with at least one month ended after it, " + latest
                    + " at the latest (got '" + Problems.abbreviated(to) + "')");
        }
        int originCount = settings(() -> ForecastSettings.number("origins", origins, 24, 1,
                ForecastReplay.MAX_ORIGINS));
        int months = settings(() -> ForecastSettings.number("horizon", horizon, 12, 1, ForecastReplay.MAX_HORIZON));
        int history = settings(() -> ForecastSettings.number("basis", basis, ForecastInputs.DEFAULT_BASIS, 1,
                ForecastInputs.MAX_BASIS));
        boolean asRecorded = switch (knowledge == null ? "as-recorded" : knowledge.strip()) {
            case "as-recorded", "" -> true;
            case "corrected" -> false;
            default -> throw invalid("knowledge must be 'as-recorded' or 'corrected' (got '"
                    + Problems.abbreviated(knowledge) + "')");
        };
        ForecastReplay.Accuracy accuracy = replay.accuracy(tribunalId, lastOrigin, originCount, months, history,
                asRecorded, now, clock.getZone());
        long unknown = accuracy.origins().stream().filter(origin -> !origin.forecast()).count();
        String note = unknown == 0 ? null : unknown + " of the " + accuracy.origins().size() + " forecast dates "
                + "came before anything of this tribunal had been recorded: no forecast was made for them"
                + (asRecorded ? " (knowledge=corrected uses the log as it is now, cut at each date)" : "");
        return new Accuracy(tribunalId, asRecorded ? "as-recorded" : "corrected", history, months,
                accuracy.horizons(), accuracy.origins(), note, accuracy.position(), accuracy.eventsRead());
    }

    /**
     * A tribunal's forecast accuracy.
     *
     * @param tribunalId the tribunal
     * @param knowledge  {@code as-recorded} or {@code corrected}
     * @param basis      months of history of each forecast
     * @param horizon    months ahead measured
     * @param horizons   per months ahead, how close the forecasts came
     * @param origins    the forecast dates
     * @param note       what could not be forecast, if anything
     * @param position   the newest global position of the log it read from
     * @param eventsRead the stored events of the tribunal's cases it read
     */
    record Accuracy(String tribunalId, String knowledge, int basis, int horizon, List<ForecastReplay.Horizon> horizons,
                    List<ForecastReplay.Origin> origins, String note, long position, long eventsRead) {
    }

    private void requireKnown(String tribunalId) {
        if (!settings.knows(tribunalId)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown tribunal",
                    "no tribunal with id '" + Problems.abbreviated(tribunalId) + "'; GET /api/tribunals lists them")
                    .worded("unknown-tribunal", Problems.abbreviated(tribunalId));
        }
    }

    private static <T> T settings(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static YearMonth month(String text) {
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() >= 1960 && month.getYear() <= 2100) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw invalid("to must be a month from 1960-01 to 2100-12, as YYYY-MM (got '" + Problems.abbreviated(text)
                + "')").worded("month", Problems.abbreviated(text));
    }

    private static Problems.Worded invalid(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }
}
