package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.application.Release;
import org.greffe.caseload.application.ReleaseStore;
import org.greffe.caseload.application.Releases;
import org.greffe.caseload.application.CaseloadProperties;
import org.greffe.caseload.application.ProjectionPosition;
import org.greffe.platform.eventlog.LogPositions;
import org.greffe.platform.settings.Tribunals;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.CaseloadSummary;
import org.greffe.measures.MonthFigures;
import org.greffe.measures.PublishedFigures;
import org.greffe.measures.Stalls;
import org.greffe.measures.TimeStandards;
import org.greffe.measures.TribunalCaseload;
import org.greffe.measures.forecast.BacklogForecast;
import org.greffe.measures.forecast.ForecastInput;
import org.greffe.measures.forecast.ForecastInputs;
import org.greffe.measures.forecast.ForecastSettings;
import org.greffe.measures.forecast.TribunalForecast;
import org.greffe.platform.settings.TimeStandardSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What advocates read: per tribunal, how large and how old the pending caseload is, how much of it never reached
 * trial, and whether the court keeps up.
 *
 * <p>Two views. Clerks and auditors, who keep the register or check it, read exact figures for any day and period,
 * computed from the projection as it stands; each answer carries {@code Greffe-Log-Position} (how far the projection
 * has read the event log) and {@code Greffe-Log-Head} (how far the log goes), and while the projection replays the
 * log from its start it answers 503. Every other reader (advocates, and anyone the security layer let through without
 * either role) reads the published figures of the latest monthly release ({@link Releases}): whole months only, the
 * tribunal totals exact and every other count perturbed, small cells of the breakdowns hidden
 * ({@link org.greffe.measures.Publication}). Their header {@code Greffe-Release} names the release, and no log
 * position is given to them. Clerks and auditors see the same with {@code view=published}, with the release's
 * position and instant. The decision uses the servlet's {@code isUserInRole} alone, so this module needs no security
 * library, and a caller with no known role gets the safe view.
 */
@RestController
@Tag(name = "caseload", description = "Pending caseload and court-performance measures per tribunal")
@RequestMapping(path = "/api/caseload", produces = "application/json")
class CaseloadController {

    static final String POSITION = LogPositions.POSITION;
    static final String HEAD = LogPositions.HEAD;
    static final String AT_LEAST_DESCRIPTION = "exact figures only: a log position (e.g. the Greffe-Log-Position of "
            + "an accepted command) the figures must include; waits up to greffe.caseload.max-wait (default 5 s), "
            + "then answers 503 with the position reached";
    static final String RELEASE = "Greffe-Release";
    /** Answers kept for repeated requests; a few hundred small objects. */
    private static final int CACHED_FIGURES = 512;
    /** Forecast starting points kept: each is a tribunal's pending cases, up to tens of thousands of small records. */
    private static final int CACHED_FORECAST_INPUTS = 8;
    /** Tribunals whose case records are kept for forecasts: a large tribunal's are tens of megabytes. */
    private static final int CACHED_FORECAST_RECORDS = 2;
    /** Roles that may read exact figures: they keep the register, or check it. */
    private static final List<String> EXACT_FIGURES_ROLES = List.of("CLERK", "AUDITOR");

    private final CaseRecordStore store;
    private final CaseloadSummaries summaries;
    private final CaseloadCalculator calculator;
    private final Tribunals catalog;
    private final ProjectionPosition position;
    private final Releases releases;
    private final ReleaseStore releaseStore;
    private final Clock clock;
    private final int smallCellThreshold;
    private final Duration maxWait;
    private final TimeStandards standards;
    private final BacklogForecast forecasts = new BacklogForecast();
    private final FiguresCache cache = new FiguresCache(CACHED_FIGURES);
    /**
     * Starting points of exact forecasts, by tribunal, day, basis and projection version: trying scenarios on one
     * start re-runs the model only. Each holds a tribunal's pending cases, so only a few are kept.
     */
    private final FiguresCache forecastInputs = new FiguresCache(CACHED_FORECAST_INPUTS);
    /** The case records exact forecasts start from, by tribunal and projection version: another day reads none. */
    private final FiguresCache forecastRecords = new FiguresCache(CACHED_FORECAST_RECORDS);

    CaseloadController(CaseRecordStore store, CaseloadSummaries summaries, CaseloadCalculator calculator,
                       Tribunals catalog, ProjectionPosition position, Releases releases,
                       ReleaseStore releaseStore, Clock clock, CaseloadProperties properties,
                       TimeStandardSettings standards) {
        this.store = store;
        this.summaries = summaries;
        this.calculator = calculator;
        this.catalog = catalog;
        this.position = position;
        this.releases = releases;
        this.releaseStore = releaseStore;
        this.clock = clock;
        this.smallCellThreshold = properties.smallCellThreshold();
        this.maxWait = properties.maxWait();
        this.standards = standards.standards();
    }

    @GetMapping
    @Operation(summary = "Stock figures of every tribunal: today (clerks, auditors), or at the end of the latest "
            + "released month (everyone else, or view=published)")
    ResponseEntity<List<CaseloadSummary>> summary(
            @Parameter(description = "'published' shows clerks and auditors what everyone else reads")
            @RequestParam(required = false) String view,
            @Parameter(description = AT_LEAST_DESCRIPTION) @RequestParam(required = false) String atLeast,
            HttpServletRequest request) {
        OptionalLong minimum = atLeast(atLeast);
        if (readsPublished(request, view, minimum)) {
            return published(release -> catalog.tribunals().stream()
                                               .map(tribunal -> published(release, tribunal.id())
                                                       .summary(release.month()))
                                               .toList());
        }
        LocalDate today = LocalDate.now(clock);
        return positioned(new Key("summary", null, today, today), minimum, state -> {
            List<CaseloadSummary> rows = summaries.at(today, state.version());
            return stallDefinitions() ? rows : rows.stream().map(CaseloadSummary::withoutInactive).toList();
        });
    }

    @GetMapping("/{tribunalId}")
    @Operation(summary = "One tribunal: stocks as of 'to', flow measures over [from, to]",
            description = "Clerks and auditors get exact figures for any dates. Everyone else gets the published "
                    + "figures of the latest monthly release: the period becomes whole months (from the month of "
                    + "'from' to the last month that ended on or before 'to', at most the release's month), "
                    + "pending and neverTried are exact, every other count is perturbed, the breakdowns hide "
                    + "small cells (count null, suppressed true), and 'release' names the release")
    ResponseEntity<TribunalCaseload> tribunal(
            @PathVariable String tribunalId,
            @Parameter(description = "first day of the period (YYYY-MM-DD); default one year before 'to'")
            @RequestParam(required = false) String from,
            @Parameter(description = "last day of the period and day of the stocks (YYYY-MM-DD); default today")
            @RequestParam(required = false) String to,
            @Parameter(description = "'published' shows clerks and auditors what everyone else reads")
            @RequestParam(required = false) String view,
            @Parameter(description = AT_LEAST_DESCRIPTION) @RequestParam(required = false) String atLeast,
            HttpServletRequest request) {
        return overPeriod("tribunal", tribunalId, from, to, view, atLeast, request, (published, months, full) -> {
            TribunalCaseload figures = published.caseload(months.from(), months.to());
            return full ? figures : figures.withRelease(figures.release().published());
        }, period -> calculator.caseload(tribunalId, store.atTribunal(tribunalId), period.from(), period.to()));
    }

    @GetMapping("/{tribunalId}/stalls")
    @Operation(summary = "Why one tribunal's cases stall: adjournments and their reasons over [from, to]; the cases "
            + "pending on 'to' by latest hearing, suspension reason, inactivity and reporting delay; the filings of "
            + "the period and how long after the incident",
            description = "Clerks and auditors get exact figures (docs/api.md, Why cases stall); while the case "
                    + "records were folded by an earlier release that did not keep hearing outcomes, 503 until the "
                    + "projection is rebuilt. Everyone else gets the latest monthly release's stall tables of the "
                    + "pending cases at the end of the period's last whole month, perturbed and with small cells "
                    + "hidden; the adjournments and filings of the period are not published (null)")
    ResponseEntity<Stalls> stalls(
            @PathVariable String tribunalId,
            @Parameter(description = "first day of the period (YYYY-MM-DD); default one year before 'to'")
            @RequestParam(required = false) String from,
            @Parameter(description = "last day of the period and day of the stocks (YYYY-MM-DD); default today")
            @RequestParam(required = false) String to,
            @Parameter(description = "'published' shows clerks and auditors what everyone else reads")
            @RequestParam(required = false) String view,
            @Parameter(description = AT_LEAST_DESCRIPTION) @RequestParam(required = false) String atLeast,
            HttpServletRequest request) {
        return overPeriod("stalls", tribunalId, from, to, view, atLeast, request, (published, months, full) -> {
            Stalls figures = published.stalls(months.from(), months.to());
            return full ? figures : figures.withRelease(figures.release().published());
        }, period -> {
            if (!stallDefinitions()) {
                throw CaseloadProblem.stallsAwaitRebuild();
            }
            try {
                return Stalls.of(tribunalId, store.atTribunal(tribunalId), period.from(), period.to());
            } catch (Stalls.FoldedBeforeStalls e) {
                throw CaseloadProblem.stallsAwaitRebuild();
            }
        });
    }

    @GetMapping("/{tribunalId}/timeline")
    @Operation(summary = "One tribunal month by month over [from, to]: incoming, outgoing, pending at month end",
            description = "For readers without exact figures (or view=published), the release's whole months, flows "
                    + "perturbed")
    ResponseEntity<List<MonthFigures>> timeline(
            @PathVariable String tribunalId,
            @Parameter(description = "first day (YYYY-MM-DD)") @RequestParam(required = false) String from,
            @Parameter(description = "last day (YYYY-MM-DD)") @RequestParam(required = false) String to,
            @Parameter(description = "'published' shows clerks and auditors what everyone else reads")
            @RequestParam(required = false) String view,
            @Parameter(description = AT_LEAST_DESCRIPTION) @RequestParam(required = false) String atLeast,
            HttpServletRequest request) {
        return overPeriod("timeline", tribunalId, from, to, view, atLeast, request,
                (published, months, full) -> published.timeline(months.from(), months.to()),
                period -> List.copyOf(calculator.timeline(tribunalId, store.atTribunal(tribunalId), period.from(),
                        period.to())));
    }

    @GetMapping("/{tribunalId}/forecast")
    @Operation(summary = "Where one tribunal's pending caseload is heading: pending, never tried and backlog month by "
            + "month, each with an 80% range, and when the backlog is cleared",
            description = "A monthly stock-and-flow model driven by the tribunal's own past months "
                    + "(docs/forecasts.md). Clerks and auditors get a forecast from the exact case records as they "
                    + "stand today (figures 'exact', with the log position); everyone else, or view=published, one "
                    + "from the latest monthly release's published cells alone (figures 'published', starting at "
                    + "the end of the release's month), so that no scenario discloses more than the release did")
    ResponseEntity<TribunalForecast> forecast(
            @PathVariable String tribunalId,
            @Parameter(description = "horizon in months, 1 to 120; default 24")
            @RequestParam(required = false) String months,
            @Parameter(description = "whole months of history that drive the forecast, 1 to 120; default 24")
            @RequestParam(required = false) String basis,
            @Parameter(description = "trials held to judgment each month on top of the tribunal's pace, 0 to 10000; "
                    + "default 0") @RequestParam(required = false) String extraDispositions,
            @Parameter(description = "change of the monthly filings, in percent, -100 to 1000; default 0")
            @RequestParam(required = false) String filingChange,
            @Parameter(description = "which cases go out first: 'fifo' (default, in the order they came) or "
                    + "'oldest-first' (furthest past the time standard first)")
            @RequestParam(required = false) String order,
            @Parameter(description = "the day the forecast starts from, as the log stands now (clerks and auditors; "
                    + "YYYY-MM-DD); default today. GET /api/audit/forecast re-runs one as the log was known then")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "'published' shows clerks and auditors what everyone else reads")
            @RequestParam(required = false) String view,
            @Parameter(description = AT_LEAST_DESCRIPTION) @RequestParam(required = false) String atLeast,
            HttpServletRequest request) {
        requireKnown(tribunalId);
        ForecastSettings settings;
        try {
            settings = ForecastSettings.of(months, basis, extraDispositions, filingChange, order);
        } catch (IllegalArgumentException e) {
            throw CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        }
        LocalDate start = Period.day("asOf", asOf);
        OptionalLong minimum = atLeast(atLeast);
        if (readsPublished(request, view, minimum)) {
            if (start != null) {
                throw CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        "asOf is for clerks and auditors: the published forecast starts at the end of the latest "
                                + "release's month; leave asOf out").worded("as-of-exact-only");
            }
            return published(release -> cache.get(List.of("forecast", release.month(), tribunalId, settings), () -> {
                var input = ForecastInputs.fromPublished(published(release, tribunalId), release.month(),
                        settings.basis(), standards);
                return TribunalForecast.published(tribunalId, release.month().toString(),
                        forecasts.run(input, settings.scenario(), settings.months(), ForecastSettings.PATHS,
                                settings.seed(tribunalId, "release " + release.month())));
            }));
        }
        LocalDate day = start == null ? LocalDate.now(clock) : start;
        return positioned(new Key("forecast " + settings, tribunalId, day, day), minimum, state -> {
            ForecastInput input = forecastInputs.get(List.of(tribunalId, day, settings.basis(), state.version()),
                    () -> ForecastInputs.fromRecords(tribunalId,
                            forecastRecords.get(List.of(tribunalId, state.version()),
                                    () -> store.atTribunal(tribunalId)),
                            day, settings.basis(), standards));
            return TribunalForecast.exact(tribunalId, state.position(), forecasts.run(input, settings.scenario(),
                    settings.months(), ForecastSettings.PATHS,
                    settings.seed(tribunalId, "as of " + day)));
        });
    }

    /**
     * Reads the position before the figures, so the figures are at least as new as the position they name. While the
     * projection is built from the start of the log (a rebuild replaying it, a first catch-up, a bulk build at
     * start-up), the tables hold half-built figures: none are served, rather than wrong ones, and the answer says how
     * far the build is. A reader that asks for a position ({@code atLeast}, e.g. of the command it just sent) waits up
     * to {@code greffe.caseload.max-wait} for the projection to fold the log that far, or is told it has not yet
     * (503, {@code Retry-After}). Figures asked for again at the same projection version come from the cache: they
     * cannot have changed.
     */
    private <T> ResponseEntity<T> positioned(Key key, OptionalLong atLeast,
                                             Function<ProjectionPosition.State, T> figures) {
        ProjectionPosition.State state = position.state();
        if (atLeast.isPresent() && state.position() < atLeast.getAsLong() && !state.replaying()) {
            if (atLeast.getAsLong() > state.head()) {
                throw CaseloadProblem.pastTheHead(state, atLeast.getAsLong());
            }
            state = position.awaitAt(atLeast.getAsLong(), maxWait);
        }
        if (state.replaying()) {
            throw CaseloadProblem.building(state);
        }
        if (atLeast.isPresent() && state.position() < atLeast.getAsLong()) {
            throw CaseloadProblem.notReached(state, atLeast.getAsLong(), maxWait);
        }
        ProjectionPosition.State read = state;
        return ResponseEntity.ok().header(POSITION, String.valueOf(state.position()))
                             .header(HEAD, String.valueOf(state.head()))
                             .body(cache.get(List.of(key, state.version()), () -> figures.apply(read)));
    }

    /**
     * A tribunal's figures over a period: from the latest release for a reader of published figures (the period taken
     * to its whole months), else exact, positioned in the log.
     *
     * @param kind      names the figures in the cache
     * @param published the answer from the tribunal's published months, given whether the reader may see the
     *                  release's position and instant
     * @param exact     the exact answer over the period
     */
    private <T> ResponseEntity<T> overPeriod(String kind, String tribunalId, String from, String to, String view,
                                             String atLeast, HttpServletRequest request, PublishedAnswer<T> published,
                                             Function<Period, T> exact) {
        requireKnown(tribunalId);
        Period period = Period.of(from, to, LocalDate.now(clock));
        OptionalLong minimum = atLeast(atLeast);
        if (readsPublished(request, view, minimum)) {
            boolean full = mayReadExactFigures(request);
            return published(release -> published.of(published(release, tribunalId),
                    period.months(release.month()), full));
        }
        return positioned(new Key(kind, tribunalId, period.from(), period.to()), minimum,
                state -> exact.apply(period));
    }

    /** An answer computed from a tribunal's published months. */
    @FunctionalInterface
    private interface PublishedAnswer<T> {

        T of(PublishedFigures figures, Months months, boolean full);
    }

    /**
     * An answer from the latest release, which never changes: cached by release. Its headers name the release only:
     * no log position, since the difference of two would count the events recorded in between.
     */
    private <T> ResponseEntity<T> published(Function<Release, T> answer) {
        Release release = releases.latest().orElseThrow(() -> CaseloadProblem.releasePending(position.state()));
        return ResponseEntity.ok().header(RELEASE, release.month().toString()).body(answer.apply(release));
    }

    private PublishedFigures published(Release release, String tribunalId) {
        return cache.get(List.of("published", release.month(), tribunalId), () -> new PublishedFigures(tribunalId,
                releaseStore.months(release, tribunalId), smallCellThreshold, release.named(clock.getZone())));
    }

    /** Whether the stored records are under the stall figures' definitions (they keep hearing outcomes). */
    private boolean stallDefinitions() {
        return store.definitions() >= Stalls.DEFINITIONS;
    }

    /** Exact only for a role that is entitled to it; anyone else, known or not, gets the published view. */
    static boolean mayReadExactFigures(HttpServletRequest request) {
        return EXACT_FIGURES_ROLES.stream().anyMatch(request::isUserInRole);
    }

    private static boolean readsPublished(HttpServletRequest request, String view, OptionalLong atLeast) {
        if (view != null && !view.equals("published")) {
            throw CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "view must be 'published' or absent (got '" + CaseloadProblem.abbreviated(view) + "')")
                    .worded("view", CaseloadProblem.abbreviated(view));
        }
        boolean published = view != null || !mayReadExactFigures(request);
        if (published && atLeast.isPresent()) {
            throw CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "atLeast is for exact figures (clerks and auditors): published figures are monthly releases "
                            + "that no single write moves; leave atLeast out").worded("at-least-exact-only");
        }
        return published;
    }

    private static OptionalLong atLeast(String value) {
        try {
            return LogPositions.atLeast(value);
        } catch (IllegalArgumentException e) {
            throw CaseloadProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        }
    }

    private void requireKnown(String tribunalId) {
        if (catalog.find(tribunalId).isEmpty()) {
            throw CaseloadProblem.of(HttpStatus.NOT_FOUND, "not-found", "Unknown tribunal",
                    "no tribunal with id '" + CaseloadProblem.abbreviated(tribunalId)
                            + "'; GET /api/tribunals lists them").worded("unknown-tribunal",
                    CaseloadProblem.abbreviated(tribunalId));
        }
    }

    /** What was asked for: the kind of figures, the tribunal (none for the summary) and the period. */
    private record Key(String kind, String tribunalId, LocalDate from, LocalDate to) {
    }

    /** A period of whole months. */
    record Months(YearMonth from, YearMonth to) {
    }
}
