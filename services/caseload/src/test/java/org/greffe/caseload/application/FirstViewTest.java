package org.greffe.caseload.application;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's first period: the deployment's days, else the whole history Greffe holds, to today. */
class FirstViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final FirstView.Settings NONE = new FirstView.Settings(null, null);

    @Test
    void unsetItRunsFromTheYearOfTheEarliestFilingToToday() {
        assertThat(FirstView.of(NONE, TODAY, LocalDate.of(2019, 4, 14)))
                .isEqualTo(new FirstView(LocalDate.of(2019, 1, 1), TODAY));
    }

    @Test
    void inDemoModeItEndsOnTheReportsDateAndStillStartsWithTheHistory() {
        FirstView.Settings demo = new FirstView.Settings(null, LocalDate.of(2020, 6, 3));
        assertThat(FirstView.of(demo, TODAY, LocalDate.of(2013, 7, 1)))
                .isEqualTo(new FirstView(LocalDate.of(2013, 1, 1), LocalDate.of(2020, 6, 3)));
    }

    @Test
    void withNoCaseOrOnlyLaterOnesItIsTheYearBeforeItsLastDay() {
        assertThat(FirstView.of(NONE, TODAY, null)).isEqualTo(new FirstView(TODAY.minusYears(1), TODAY));
        FirstView.Settings demo = new FirstView.Settings(null, LocalDate.of(2020, 6, 3));
        assertThat(FirstView.of(demo, TODAY, LocalDate.of(2024, 2, 1)))
                .isEqualTo(new FirstView(LocalDate.of(2019, 6, 3), LocalDate.of(2020, 6, 3)));
    }

    @Test
    void configuredDaysWinAndMustBeInOrder() {
        FirstView.Settings both = new FirstView.Settings(LocalDate.of(2018, 1, 1), LocalDate.of(2019, 12, 31));
        assertThat(FirstView.of(both, TODAY, LocalDate.of(2012, 1, 5)))
                .isEqualTo(new FirstView(LocalDate.of(2018, 1, 1), LocalDate.of(2019, 12, 31)));
        FirstView.Settings fromOnly = new FirstView.Settings(LocalDate.of(2030, 1, 1), null);
        assertThat(FirstView.of(fromOnly, TODAY, null)).as("a start after today is today")
                                                      .isEqualTo(new FirstView(TODAY, TODAY));
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first-view-from");
    }

    /** The caseload answers periods of ten years at most: a longer history opens on its last ten years. */
    @Test
    void itIsNeverLongerThanThePeriodTheCaseloadAnswers() {
        assertThat(FirstView.of(NONE, TODAY, LocalDate.of(2009, 5, 1)))
                .isEqualTo(new FirstView(TODAY.minusYears(10), TODAY));
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(2001, 1, 1), LocalDate.of(2020, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 years");
        assertThatThrownBy(() -> new FirstView.Settings(LocalDate.of(1900, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1960-01-01");
    }
}
