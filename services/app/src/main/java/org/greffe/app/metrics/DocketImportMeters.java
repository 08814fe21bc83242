package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.greffe.registry.application.docket.ImportJobs;
import org.springframework.stereotype.Component;

/**
 * {@code greffe_docket_import_running}: docket imports running or waiting on this instance;
 * {@code greffe_docket_import_rows}: the rows they have done so far. Each job's own progress is
 * {@code GET /api/dockets/{jobId}}.
 */
@Component
class DocketImportMeters {

    DocketImportMeters(MeterRegistry registry, ImportJobs jobs) {
        Gauge.builder("greffe.docket.import.running", jobs, ImportJobs::running)
             .description("Docket imports running or waiting on this instance")
             .register(registry);
        Gauge.builder("greffe.docket.import.rows", jobs, ImportJobs::rowsInProgress)
             .description("Rows done so far by the docket imports running on this instance")
             .baseUnit("rows")
             .register(registry);
    }
}
