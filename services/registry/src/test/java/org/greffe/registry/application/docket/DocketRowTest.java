package org.greffe.registry.application.docket;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseId;
import org.greffe.events.DismissalReason;
import org.greffe.events.HearingKind;
import org.greffe.events.OffenceCategory;
import org.greffe.events.ReopeningReason;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;
import org.greffe.registry.model.AdjournHearing;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.DismissCase;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.HoldHearing;
import org.greffe.registry.model.IssueJudgment;
import org.greffe.registry.model.ReopenCase;
import org.greffe.registry.model.ResumeCase;
import org.greffe.registry.model.ScheduleHearing;
import org.greffe.registry.model.SuspendCase;
import org.greffe.registry.model.TransferCase;
import org.greffe.registry.model.WithdrawCase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each docket row becomes the command of its event, on the case and the hearing its values name. */
class DocketRowTest {

    private static final TribunalId BAMAKO = new TribunalId("bamako-commune-iii");
    private static final CaseId CASE = new CaseId("case-1");
    private static final LocalDate DATE = LocalDate.of(2019, 6, 4);

    @Test
    void aFilingBecomesFileCaseWithTheDerivedCaseId() {
        DocketRow row = parse(Map.of("event", "FILED", "date", "2019-02-11", "incidentOn", "2018-11-30",
                "offence", "RAPE", "women", "1", "girls", "2", "men", "0", "boys", "0",
                "accused", "NON_STATE_ARMED_GROUP", "accusedGroup", "MSA"));
        CaseId caseId = DocketEntry.filedCaseId(row.tribunalId(), row.docketNumber());

        assertThat(caseId.value()).isEqualTo(UUID.nameUUIDFromBytes(
                "greffe-docket:bamako-commune-iii:RP-2019-0117".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(row.command(caseId)).isEqualTo(new FileCase(caseId, "RP-2019-0117", BAMAKO,
                LocalDate.of(2019, 2, 11), LocalDate.of(2018, 11, 30), OffenceCategory.RAPE, new Victims(1, 2, 0, 0),
                AccusedAffiliation.NON_STATE_ARMED_GROUP, "MSA"));
        assertThat(row.line()).isEqualTo(7);
    }

    @Test
    void theCaseIdIgnoresTheCaseAndSurroundingBlanksOfTheDocketNumber() {
        assertThat(DocketEntry.filedCaseId(BAMAKO, " rp-2019-0117 "))
                .isEqualTo(DocketEntry.filedCaseId(BAMAKO, "RP-2019-0117"))
                .isNotEqualTo(DocketEntry.filedCaseId(new TribunalId("kati"), "RP-2019-0117"));
    }

    @Test
    void hearingRowsNameTheSameHearingWhateverTheCaseOfTheReference() {
        DocketRow scheduled = parse(Map.of("event", "HEARING_SCHEDULED", "date", "2019-06-04", "hearing", "H1",
                "hearingKind", "TRIAL"));
        DocketRow adjourned = parse(Map.of("event", "HEARING_ADJOURNED", "date", "2019-06-04", "hearing", "h1",
                "reason", "ACCUSED_ABSENT"));
        DocketRow held = parse(Map.of("event", "HEARING_HELD", "date", "2019-06-04", "hearing", "H2"));

        assertThat(scheduled.command(CASE)).isEqualTo(new ScheduleHearing(CASE, DocketEntry.hearingId(CASE, "H1"),
                HearingKind.TRIAL, DATE, null));
        assertThat(adjourned.command(CASE)).isEqualTo(new AdjournHearing(CASE, DocketEntry.hearingId(CASE, "H1"), DATE,
                AdjournmentReason.ACCUSED_ABSENT, null));
        assertThat(DocketEntry.hearingId(CASE, "H2")).isNotEqualTo(DocketEntry.hearingId(CASE, "H1"));
        assertThat(held.command(CASE)).isEqualTo(new HoldHearing(CASE, DocketEntry.hearingId(CASE, "H2"), DATE, null));
        assertThat(DocketEntry.hearingId(CASE, "H1")).isNotEqualTo(DocketEntry.hearingId(new CaseId("case-2"), "H1"));
    }

    @Test
    void everyOtherEventBecomesItsCommand() {
        assertThat(command(Map.of("event", "JUDGMENT", "verdict", "CONVICTION")))
                .isEqualTo(new IssueJudgment(CASE, DATE, Verdict.CONVICTION, null));
        assertThat(command(Map.of("event", "DISMISSED", "reason", "TIME_BARRED")))
                .isEqualTo(new DismissCase(CASE, DATE, DismissalReason.TIME_BARRED, null));
        assertThat(command(Map.of("event", "WITHDRAWN"))).isEqualTo(new WithdrawCase(CASE, DATE, null));
        assertThat(command(Map.of("event", "TRANSFERRED", "toTribunalId", "mopti")))
                .isEqualTo(new TransferCase(CASE, DATE, new TribunalId("mopti"), null));
        assertThat(command(Map.of("event", "SUSPENDED", "reason", "ACCUSED_AT_LARGE")))
                .isEqualTo(new SuspendCase(CASE, DATE, SuspensionReason.ACCUSED_AT_LARGE, null));
        assertThat(command(Map.of("event", "RESUMED"))).isEqualTo(new ResumeCase(CASE, DATE, null));
        assertThat(command(Map.of("event", "REOPENED", "reason", "NEW_EVIDENCE")))
                .isEqualTo(new ReopenCase(CASE, DATE, ReopeningReason.NEW_EVIDENCE, null));
    }

    private static CaseCommand command(Map<String, String> values) {
        return parse(values).command(CASE);
    }

    /** A row of a docket file at line 7: the given values over a case at Bamako commune III dated 2019-06-04. */
    static DocketRow parse(Map<String, String> values) {
        Map<String, String> row = new HashMap<>();
        DocketFile.COLUMNS.forEach(column -> row.put(column, ""));
        row.putAll(Map.of("docketNumber", "RP-2019-0117", "tribunalId", "bamako-commune-iii", "date", "2019-06-04"));
        row.putAll(values);
        return DocketCells.parse(new DocketFile.Row(7, row, DocketFile.COLUMNS.size()));
    }
}
