package org.greffe.measures;

import org.greffe.events.CaseEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.measures.Cases.day;

class CaseRecordTest {

    @Test
    void theSharedFoldStartsAtTheFilingIgnoresWhatComesBeforeItAndSkipsWhatItHasSeen() {
        List<CaseEvent> events = Cases.filed("c1", "gao", "2019-01-10").trialSet("2019-05-01").held("2019-05-01")
                                      .judged("2019-06-01").events();
        assertThat(CaseRecord.next(null, events.get(1), 1)).as("no record before the filing").isNull();
        CaseRecord record = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            record = CaseRecord.next(record, events.get(sequence), sequence);
        }
        assertThat(record).isEqualTo(Cases.fold(events));
        assertThat(CaseRecord.next(record, events.get(2), 2)).as("an event folded in already").isSameAs(record);
    }

    @Test
    void aFiledCaseIsPendingFromItsFilingDayAtItsTribunal() {
        CaseRecord record = Cases.filed("c1", "bamako-commune-iii", "2019-03-14").record();
        assertThat(record.pendingAt("bamako-commune-iii", day("2019-03-13"))).isEmpty();
        assertThat(record.pendingAt("bamako-commune-iii", day("2019-03-14"))).isPresent();
        assertThat(record.pendingAt("mopti", day("2019-03-14"))).isEmpty();
        assertThat(record.neverTriedBy(day("2030-01-01"))).isTrue();
    }

    @Test
    void aDisposedCaseIsNoLongerPendingFromItsDisposalDay() {
        CaseRecord record = Cases.filed("c1", "gao", "2019-01-10").trialSet("2019-05-01").held("2019-05-01")
                                 .judged("2019-06-01").record();
        assertThat(record.pendingAt("gao", day("2019-05-31"))).isPresent();
        assertThat(record.pendingAt("gao", day("2019-06-01"))).isEmpty();
        assertThat(record.firstTrialHeldOn()).isEqualTo(day("2019-05-01"));
        assertThat(record.neverTriedBy(day("2019-04-30"))).isTrue();
        assertThat(record.neverTriedBy(day("2019-05-01"))).isFalse();
        assertThat(record.current().trialSettings()).isEqualTo(1);
    }

    @Test
    void aHeldPreliminaryHearingIsNotATrial() {
        CaseRecord record = Cases.filed("c1", "gao", "2019-01-10").preliminarySet("2019-02-01").held("2019-02-01")
                                 .record();
        assertThat(record.firstTrialHeldOn()).isNull();
        assertThat(record.current().trialSettings()).isZero();
    }

    @Test
    void aTransferMovesThePendingCaseAndKeepsItsProceeding() {
        CaseRecord record = Cases.filed("c1", "bamako-commune-iii", "2019-01-10")
                                 .transferred("2019-04-01", "bamako-commune-iii", "mopti").record();
        assertThat(record.pendingAt("bamako-commune-iii", day("2019-04-01"))).isEmpty();
        assertThat(record.pendingAt("mopti", day("2019-04-01"))).isPresent();
        assertThat(record.current().proceedingStart()).isEqualTo(day("2019-01-10"));
        assertThat(record.tribunals()).containsExactly("bamako-commune-iii", "mopti");
    }

    @Test
    void suspendedDaysDoNotAgeTheCase() {
        CaseRecord record = Cases.filed("c1", "kayes", "2019-01-01").suspended("2019-02-01")
                                 .resumed("2019-03-01").record();
        Spell spell = record.current();
        assertThat(record.activeDays(spell, day("2019-01-31"))).isEqualTo(30);
        assertThat(record.activeDays(spell, day("2019-02-15"))).isEqualTo(31);
        assertThat(record.activeDays(spell, day("2019-03-11"))).isEqualTo(69 - 28);
        assertThat(record.suspendedOn(day("2019-02-28"))).isTrue();
        assertThat(record.suspendedOn(day("2019-03-01"))).isFalse();
    }

    @Test
    void aDismissalEndsAnOngoingSuspension() {
        CaseRecord record = Cases.filed("c1", "kayes", "2019-01-01").suspended("2019-02-01")
                                 .dismissed("2019-04-01").record();
        assertThat(record.suspensions().get(0).to()).isEqualTo(day("2019-04-01"));
    }

    @Test
    void aReopenedCaseStartsANewProceedingAtTheSameTribunal() {
        CaseRecord record = Cases.filed("c1", "mopti", "2018-01-01").trialSet("2018-06-01").held("2018-06-01")
                                 .judged("2018-07-01").reopened("2019-02-01").record();
        assertThat(record.spells()).hasSize(2);
        assertThat(record.current().entry()).isEqualTo(Spell.Entry.REOPENED);
        assertThat(record.current().proceedingStart()).isEqualTo(day("2019-02-01"));
        assertThat(record.pendingAt("mopti", day("2018-12-31"))).isEmpty();
        assertThat(record.pendingAt("mopti", day("2019-02-01"))).isPresent();
    }

    @Test
    void anEventAlreadyFoldedInIsSkipped() {
        Cases cases = Cases.filed("c1", "kayes", "2019-01-01").trialSet("2019-02-01");
        CaseRecord record = cases.record();
        CaseRecord again = record.apply(cases.events().get(1), 1);
        assertThat(again).isSameAs(record);
        assertThat(again.current().trialSettings()).isEqualTo(1);
    }
}
