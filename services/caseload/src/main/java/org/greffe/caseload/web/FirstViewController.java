package org.greffe.caseload.web;

import io.swagger.v3.oas.annotations.Operation;
import org.greffe.caseload.application.FirstView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Where the dashboard opens: the period it shows a first visitor, which the URL then keeps. */
@RestController
class FirstViewController {

    private final FirstView.Settings settings;
    private final Clock clock;

    FirstViewController(FirstView.Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(path = "/api/dashboard/first-view", produces = "application/json")
    @Operation(summary = "The period the dashboard opens on: configured (demo mode: 2015-01-01 to the report's date, "
            + "2020-06-03), else the ten years to today; never drawn from what was recorded")
    FirstView firstView() {
        return FirstView.of(settings, LocalDate.now(clock));
    }
}
