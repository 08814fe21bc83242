package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.greffe.caseload.application.CaseloadSummaries;
import org.greffe.caseload.application.ProjectionPosition;
import org.greffe.platform.settings.Tribunals;
import org.greffe.measures.CaseloadSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * {@code greffe_caseload_pending{tribunal}} and {@code greffe_caseload_never_tried{tribunal}}: today's stock figures
 * of every tribunal, the same as {@code GET /api/caseload} answers, from the same {@link CaseloadSummaries}. They are
 * read at most once per {@code greffe.metrics.caseload-refresh} (a minute by default), and computed again only when
 * the projection has moved on: computing them reads every case record of the projection, seconds of CPU on a large
 * log, which a scrape every few seconds during an import would pay again and again for figures that move by the
 * day. While the projection replays the log its tables are half-built: the gauges keep the figures last read before
 * (none at all, NaN, when there were none).
 */
@Component
class CaseloadMeters {

    private static final Logger log = LoggerFactory.getLogger(CaseloadMeters.class);

    private final CaseloadSummaries summaries;
    private final ProjectionPosition position;
    private final Clock clock;
    private final Refreshed<Map<String, CaseloadSummary>> figures;
    private Map<String, CaseloadSummary> lastFinal = Map.of();

    CaseloadMeters(MeterRegistry registry, CaseloadSummaries summaries, ProjectionPosition position,
                   Tribunals catalog, Clock clock,
                   @Value("${greffe.metrics.caseload-refresh:1m}") Duration refresh) {
        this.summaries = summaries;
        this.position = position;
        this.clock = clock;
        this.figures = new Refreshed<>(refresh, clock, this::read);
        for (Tribunals.Tribunal tribunal : catalog.tribunals()) {
            gauge(registry, "greffe.caseload.pending", "Pending cases today, suspended ones included", tribunal.id(),
                    CaseloadSummary::pending);
            gauge(registry, "greffe.caseload.never.tried", "Pending cases today never brought to trial",
                    tribunal.id(), CaseloadSummary::neverTried);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String tribunal,
                       ToIntFunction<CaseloadSummary> figure) {
        Gauge.builder(name, this, meters -> meters.value(tribunal, figure))
             .description(description)
             .tag("tribunal", tribunal)
             .strongReference(true)
             .register(registry);
    }

    private double value(String tribunal, ToIntFunction<CaseloadSummary> figure) {
        CaseloadSummary summary = figures.get().get(tribunal);
        return summary == null ? Double.NaN : figure.applyAsInt(summary);
    }

    private Map<String, CaseloadSummary> read() {
        try {
            ProjectionPosition.State state = position.state();
            if (state.replaying()) {
                return lastFinal;
            }
            Map<String, CaseloadSummary> byTribunal = new HashMap<>();
            summaries.at(LocalDate.now(clock), state.version())
                     .forEach(summary -> byTribunal.put(summary.tribunalId(), summary));
            lastFinal = Map.copyOf(byTribunal);
            return lastFinal;
        } catch (RuntimeException e) {
            log.warn("Could not read the caseload figures for the metrics: {}", e.toString());
            return Map.of();
        }
    }
}
