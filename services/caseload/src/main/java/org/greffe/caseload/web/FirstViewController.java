package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import org.greffe.caseload.application.FirstView;
import org.greffe.caseload.projection.CaseRecordStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Where the dashboard opens: the period it shows a first visitor, which the URL then keeps. */
@RestController
class FirstViewController {

    private final CaseRecordStore store;
    private final FirstView.Settings settings;
    private final Clock clock;

    FirstViewController(CaseRecordStore store, FirstView.Settings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(path = "/api/dashboard/first-view", produces = "application/json")
    @Operation(summary = "The period the dashboard opens on: configured, or from January 1st of the year of the "
            + "earliest filing to today (demo mode: to the report's date, 2020-06-03)")
    FirstView firstView() {
        return FirstView.of(settings, LocalDate.now(clock), settings.from() == null
                ? store.earliestFiling().orElse(null) : null);
    }
}
