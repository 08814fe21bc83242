package org.greffe.app.demo;

import org.greffe.registry.application.docket.DocketImport;
import org.greffe.registry.application.docket.ImportReport;
import org.greffe.registry.application.docket.ImportSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * In demo mode, loads the demo docket ({@code greffe.demo.docket}) through the docket import the first time Greffe
 * starts on an empty event store, with source {@code scenario} and user {@code demo}. A store that holds any event
 * is never touched: the demo docket is loaded once, and never into a registry that already has a history. Runs
 * after a {@code --greffe.import} of the same start, so a store that import filled gets no demo cases.
 */
@Component
class DemoDocketLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDocketLoader.class);

    private final DocketImport docketImport;
    private final JdbcTemplate jdbc;
    private final ResourceLoader resources;
    private final boolean enabled;
    private final String docket;

    DemoDocketLoader(DocketImport docketImport, JdbcTemplate jdbc, ResourceLoader resources, Environment environment,
                     @Value("${greffe.demo.docket:classpath:demo/demo-docket.csv}") String docket) {
        this.docketImport = docketImport;
        this.jdbc = jdbc;
        this.resources = resources;
        this.enabled = DemoMode.enabled(environment);
        this.docket = docket;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void loadOnFirstStart() {
        if (!enabled) {
            log.debug("Demo mode is off");
            return;
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry)",
                Boolean.class))) {
            log.info("Demo mode: the event store already holds events; the demo docket is only loaded into an "
                    + "empty one");
            return;
        }
        Resource resource = resources.getResource(docket);
        if (!resource.exists()) {
            log.warn("Demo mode: the demo docket {} does not exist; Greffe starts with an empty registry "
                    + "(set greffe.demo.docket to a CSV docket, or GREFFE_DEMO=false)", docket);
            return;
        }
        log.info("Demo mode: loading the demo docket {} into the empty event store", docket);
        ImportReport report;
        try (Reader reader = DocketImport.utf8(resource.getInputStream())) {
            report = docketImport.importCsv(reader,
                    new ImportSource(DemoMode.DOCKET_USER, "scenario", "demo " + docket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo docket " + docket, e);
        }
        log.info("Demo mode: demo docket loaded, {}", report.summary());
        for (ImportReport.RejectedRow rejected : report.rejected()) {
            log.warn("Demo docket {}, line {} rejected: {}", docket, rejected.line(), rejected.error());
        }
    }
}
