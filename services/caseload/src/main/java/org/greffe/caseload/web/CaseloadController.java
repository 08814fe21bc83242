package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.infrastructure.CaseloadProperties;
import org.greffe.caseload.infrastructure.ProjectionPosition;
import org.greffe.caseload.infrastructure.TribunalCatalog;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.CaseloadSummary;
import org.greffe.measures.MonthFigures;
import org.greffe.measures.TribunalCaseload;
import org.greffe.caseload.projection.CaseRecordStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What advocates read: per tribunal, how large and how old the pending caseload is, how much of it never reached
 * trial, and whether the court keeps up. Each answer carries {@code Greffe-Log-Position} (how far the projection
 * has read the event log) and {@code Greffe-Log-Head} (how far the log goes). While the projection replays the log
 * from its start (a rebuild, or a first start on an existing log) it answers 503 with those two headers.
 *
 * <p>A tribunal's pending cases are broken down by offence, by accused and by victim group, where a small count could
 * single out a victim. Only clerks and auditors see those breakdowns exact; every other reader (advocates, and anyone
 * the security layer let through without either role) gets their small cells suppressed, with the threshold
 * {@code greffe.caseload.small-cell-threshold}. The decision uses the servlet's {@code isUserInRole} alone, so this
 * module needs no security library, and a caller with no known role gets the safe view.
 */
@RestController
@Tag(name = "caseload", description = "Pending caseload and court-performance measures per tribunal")
@RequestMapping(path = "/api/caseload", produces = "application/json")
class CaseloadController {

    static final String POSITION = "Greffe-Log-Position";
    static final String HEAD = "Greffe-Log-Head";
    private static final long LONGEST_PERIOD_YEARS = 50;
    /** Answers kept for repeated requests; a few hundred small objects. */
    private static final int CACHED_FIGURES = 512;
    /** Roles that may read the breakdowns exact: they keep the register, or check it. */
    private static final List<String> EXACT_FIGURES_ROLES = List.of("CLERK", "AUDITOR");

    private final CaseRecordStore store;
    private final CaseloadSummaries summaries;
    private final CaseloadCalculator calculator;
    private final TribunalCatalog catalog;
    private final ProjectionPosition position;
    private final Clock clock;
    private final int smallCellThreshold;
    private final FiguresCache cache = new FiguresCache(CACHED_FIGURES);

    CaseloadController(CaseRecordStore store, CaseloadSummaries summaries, CaseloadCalculator calculator,
                       TribunalCatalog catalog, ProjectionPosition position, Clock clock,
                       CaseloadProperties properties) {
        this.store = store;
        this.summaries = summaries;
        this.calculator = calculator;
        this.catalog = catalog;
        this.position = position;
        this.clock = clock;
        this.smallCellThreshold = properties.smallCellThreshold();
    }

    @GetMapping
    @Operation(summary = "Stock figures of every tribunal today")
    ResponseEntity<List<CaseloadSummary>> summary() {
        LocalDate today = LocalDate.now(clock);
        return positioned(new Key("summary", null, today, today), version -> summaries.at(today, version));
    }

    @GetMapping("/{tribunalId}")
    @Operation(summary = "One tribunal: stocks as of 'to', flow measures over [from, to]",
            description = "pendingBy breaks the pending cases down by offence, accused and victim group; unless the "
                    + "caller is a clerk or an auditor its small cells are suppressed (count null, suppressed true), "
                    + "as smallCells says")
    ResponseEntity<TribunalCaseload> tribunal(
            @PathVariable String tribunalId,
            @Parameter(description = "first day of the period; default one year before 'to'")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day of the period and day of the stocks; default today")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletRequest request) {
        requireKnown(tribunalId);
        Period period = period(from, to);
        Key exact = new Key("tribunal", tribunalId, period.from(), period.to());
        Supplier<TribunalCaseload> figures = () -> calculator.caseload(tribunalId, store.atTribunal(tribunalId),
                period.from(), period.to());
        if (mayReadExactFigures(request)) {
            return positioned(exact, version -> figures.get());
        }
        // The suppressed view is cached too, under its own key and from the cached exact figures: most readers are
        // advocates.
        return positioned(new Key("tribunal-suppressed", tribunalId, period.from(), period.to()),
                version -> cache.get(List.of(exact, version), figures).suppressed(smallCellThreshold));
    }

    @GetMapping("/{tribunalId}/timeline")
    @Operation(summary = "One tribunal month by month over [from, to]: incoming, outgoing, pending at month end")
    ResponseEntity<List<MonthFigures>> timeline(
            @PathVariable String tribunalId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireKnown(tribunalId);
        Period period = period(from, to);
        return positioned(new Key("timeline", tribunalId, period.from(), period.to()),
                () -> List.copyOf(calculator.timeline(tribunalId, store.atTribunal(tribunalId), period.from(),
                        period.to())));
    }

    /**
     * Reads the position before the figures, so the figures are at least as new as the position they name. While a
     * rebuild replays the log, the tables hold half-built figures: none are served, rather than wrong ones. Figures
     * asked for again at the same projection version come from the cache: they cannot have changed.
     */
    private <T> ResponseEntity<T> positioned(Key key, Supplier<T> figures) {
        return positioned(key, version -> figures.get());
    }

    /** As {@link #positioned(Key, Supplier)}, for figures that build on other cached figures of the same version. */
    private <T> ResponseEntity<T> positioned(Key key, Function<String, T> figures) {
        ProjectionPosition.State state = position.state();
        if (state.replaying()) {
            ErrorResponseException rebuilding = problem(HttpStatus.SERVICE_UNAVAILABLE, "rebuilding",
                    "Caseload being rebuilt", "the caseload is being rebuilt from the event log and its figures are "
                            + "not final yet; GET /api/audit/rebuild shows the progress; retry in a few seconds");
            rebuilding.getHeaders().set("Retry-After", "5");
            rebuilding.getHeaders().set(POSITION, String.valueOf(state.position()));
            rebuilding.getHeaders().set(HEAD, String.valueOf(state.head()));
            throw rebuilding;
        }
        return ResponseEntity.ok().header(POSITION, String.valueOf(state.position()))
                             .header(HEAD, String.valueOf(state.head()))
                             .body(cache.get(List.of(key, state.version()), () -> figures.apply(state.version())));
    }

    /** Exact only for a role that is entitled to it; anyone else, known or not, gets the suppressed view. */
    static boolean mayReadExactFigures(HttpServletRequest request) {
        return EXACT_FIGURES_ROLES.stream().anyMatch(request::isUserInRole);
    }

    private void requireKnown(String tribunalId) {
        if (catalog.find(tribunalId).isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "not-found", "Unknown tribunal",
                    "no tribunal with id '" + abbreviated(tribunalId) + "'; GET /api/tribunals lists them");
        }
    }

    private Period period(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (start.isAfter(end)) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "from (" + start + ") must not be after to (" + end + ")");
        }
        if (ChronoUnit.YEARS.between(start, end) >= LONGEST_PERIOD_YEARS) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "the period may not exceed " + LONGEST_PERIOD_YEARS + " years");
        }
        return new Period(start, end);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    private static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    /** What was asked for: the kind of figures, the tribunal (none for the summary) and the period. */
    private record Key(String kind, String tribunalId, LocalDate from, LocalDate to) {
    }
}
