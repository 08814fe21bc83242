package org.greffe.caseload.application;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's first period: the deployment's days, else the ten years to today; never drawn from the data. */
class FirstViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final FirstView.Settings NONE = new FirstView.Settings(null, null);

    @Test
    void unsetItIsTheLongestPeriodTheCaseloadAnswersToToday() {
        assertThat(FirstView.of(NONE, TODAY)).isEqualTo(new FirstView(LocalDate.of(2016, 12, 3), TODAY));
    }

    @Test
    void theDemosRunsFromItsDocketsFirstYearToTheReportsDay() {
        FirstView.Settings demo = new FirstView.Settings(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 6, 3));
        assertThat(FirstView.of(demo, TODAY))
                .isEqualTo(new FirstView(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 6, 3)));
    }

    @Test
    void aConfiguredStartAloneIsKeptWithinTenYearsOfToday() {
        assertThat(FirstView.of(new FirstView.Settings(LocalDate.of(2019, 1, 1), null), TODAY))
                .isEqualTo(new FirstView(LocalDate.of(2019, 1, 1), TODAY));
        assertThat(FirstView.of(new FirstView.Settings(LocalDate.of(2009, 1, 1), null), TODAY))
                .as("the caseload answers ten years at most").isEqualTo(new FirstView(TODAY.minusYears(10), TODAY));
        assertThat(FirstView.of(new FirstView.Settings(LocalDate.of(2030, 1, 1), null), TODAY))
                .as("a start after today is today").isEqualTo(new FirstView(TODAY, TODAY));
    }

    @Test
    void configuredDaysMustBeInOrderWithinTenYearsAndTheDatesGreffeTakes() {
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be after");
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(2001, 1, 1), LocalDate.of(2020, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 years");
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(1900, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1960-01-01");
    }
}
