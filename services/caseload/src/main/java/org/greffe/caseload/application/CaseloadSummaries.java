package org.greffe.caseload.application;

import org.greffe.platform.settings.Tribunals;
import org.greffe.caseload.projection.CaseRecordStore;
import org.greffe.measures.CaseRecord;
import org.greffe.measures.CaseloadCalculator;
import org.greffe.measures.CaseloadSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock figures of every tribunal on one day: what {@code GET /api/caseload} answers and what the caseload gauges
 * report. The latest figures are kept with the day and the projection version they were computed at (see
 * {@code ProjectionPosition.State#version}): asked again for the same day and version, by the API or by a metrics
 * scrape, they are not read from the database again.
 */
public class CaseloadSummaries {

    private final CaseRecordStore store;
    private final CaseloadCalculator calculator;
    private final Tribunals catalog;
    private volatile Latest latest;

    public CaseloadSummaries(CaseRecordStore store, CaseloadCalculator calculator, Tribunals catalog) {
        this.store = store;
        this.calculator = calculator;
        this.catalog = catalog;
    }

    /**
     * Every tribunal's figures on the day, in the catalog's order.
     *
     * @param day     the day of the stocks
     * @param version the projection's version, read before the figures: they are at least as new as it
     */
    public List<CaseloadSummary> at(LocalDate day, String version) {
        Latest cached = latest;
        if (cached != null && cached.day().equals(day) && cached.version().equals(version)) {
            return cached.rows();
        }
        List<CaseRecord> records = store.all();
        List<CaseloadSummary> rows = new ArrayList<>();
        catalog.tribunals().forEach(tribunal -> rows.add(calculator.summary(tribunal.id(), records, day)));
        List<CaseloadSummary> computed = List.copyOf(rows);
        latest = new Latest(day, version, computed);
        return computed;
    }

    private record Latest(LocalDate day, String version, List<CaseloadSummary> rows) {
    }
}
