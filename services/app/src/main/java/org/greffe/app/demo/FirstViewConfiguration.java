package org.greffe.app.demo;

import org.greffe.caseload.application.FirstView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The period the dashboard opens on ({@code greffe.dashboard.first-view-from} and {@code -to}, each a day, both
 * optional). In demo mode it runs from the demo docket's first year to the day of the UN report it reproduces, so that
 * a first visitor sees the backlog the report describes rather than the years since.
 */
@Configuration(proxyBeanMethods = false)
class FirstViewConfiguration {

    /** The date of the report (S/2020/487) whose figures the demo docket reproduces. */
    static final LocalDate REPORT_DAY = LocalDate.of(2020, 6, 3);

    /** The first year of the demo docket's filings. */
    static final LocalDate DEMO_FROM = LocalDate.of(2015, 1, 1);

    @Bean
    FirstView.Settings firstViewSettings(Environment environment) {
        LocalDate from = day(environment, "greffe.dashboard.first-view-from");
        LocalDate to = day(environment, "greffe.dashboard.first-view-to");
        if (DemoMode.enabled(environment)) {
            from = from == null ? DEMO_FROM : from;
            to = to == null ? REPORT_DAY : to;
        }
        return new FirstView.Settings(from, to);
    }

    private static LocalDate day(Environment environment, String key) {
        String value = environment.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " must be a day written YYYY-MM-DD, not '" + value.strip() + "'", e);
        }
    }
}
