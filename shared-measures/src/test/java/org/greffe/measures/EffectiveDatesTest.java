package org.greffe.measures;

import org.greffe.events.CaseEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.measures.Cases.day;

class EffectiveDatesTest {

    @Test
    void everyKindOfEventHasItsLegalDate() {
        List<CaseEvent> events = Cases.filed("c1", "gao", "2019-01-02").preliminarySet("2019-02-03")
                                      .adjourned("2019-02-04").trialSet("2019-03-05").held("2019-03-06")
                                      .judged("2019-04-07").reopened("2019-05-08").suspended("2019-06-09")
                                      .resumed("2019-07-10").transferred("2019-08-11", "gao", "mopti")
                                      .dismissed("2019-09-12").events();
        assertThat(events.stream().map(EffectiveDates::of).toList()).containsExactly(
                day("2019-01-02"), day("2019-02-03"), day("2019-02-04"), day("2019-03-05"), day("2019-03-06"),
                day("2019-04-07"), day("2019-05-08"), day("2019-06-09"), day("2019-07-10"), day("2019-08-11"),
                day("2019-09-12"));
        assertThat(EffectiveDates.of(Cases.filed("c2", "gao", "2019-01-01").withdrawn("2019-01-05").events()
                                          .get(1))).isEqualTo(day("2019-01-05"));
    }
}
