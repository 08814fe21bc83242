package org.greffe.registry.application;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each docket row becomes the command of its event, or is refused naming every column that is wrong. */
class DocketRowTest {

    private static final TribunalId BAMAKO = new TribunalId("bamako-commune-iii");
    private static final CaseId CASE = new CaseId("case-1");
    private static final LocalDate DATE = LocalDate.of(2019, 6, 4);

    @Test
    void aFilingBecomesFileCaseWithTheDerivedCaseId() {
        DocketRow row = parse(Map.of("event", "FILED", "date", "2019-02-11", "incidentOn", "2018-11-30",
                "offence", "RAPE", "women", "1", "girls", "2", "men", "0", "boys", "0",
                "accused", "NON_STATE_ARMED_GROUP", "accusedGroup", "MSA"));
        CaseId caseId = DocketRow.filedCaseId(row.tribunalId(), row.docketNumber());

        assertThat(caseId.value()).isEqualTo(UUID.nameUUIDFromBytes(
                "greffe-docket:bamako-commune-iii:RP-2019-0117".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(row.command(caseId)).isEqualTo(new FileCase(caseId, "RP-2019-0117", BAMAKO,
                LocalDate.of(2019, 2, 11), LocalDate.of(2018, 11, 30), OffenceCategory.RAPE, new Victims(1, 2, 0, 0),
                AccusedAffiliation.NON_STATE_ARMED_GROUP, "MSA"));
        assertThat(row.line()).isEqualTo(7);
    }

    @Test
    void theCaseIdIgnoresTheCaseAndSurroundingBlanksOfTheDocketNumber() {
        assertThat(DocketRow.filedCaseId(BAMAKO, " rp-2019-0117 "))
                .isEqualTo(DocketRow.filedCaseId(BAMAKO, "RP-2019-0117"))
                .isNotEqualTo(DocketRow.filedCaseId(new TribunalId("kati"), "RP-2019-0117"));
    }

    @Test
    void optionalFilingColumnsMayBeEmpty() {
        DocketRow row = parse(Map.of("event", "FILED", "date", "2019-02-11", "offence", "SEXUAL_SLAVERY",
                "women", "0", "girls", "0", "men", "1", "boys", "0", "accused", "UNIDENTIFIED"));
        assertThat(row.incidentOn()).isNull();
        assertThat(row.accusedGroup()).isNull();
    }

    @Test
    void hearingRowsNameTheSameHearingWhateverTheCaseOfTheReference() {
        DocketRow scheduled = parse(Map.of("event", "HEARING_SCHEDULED", "date", "2019-06-04", "hearing", "H1",
                "hearingKind", "TRIAL"));
        DocketRow adjourned = parse(Map.of("event", "HEARING_ADJOURNED", "date", "2019-06-04", "hearing", "h1",
                "reason", "ACCUSED_ABSENT"));
        DocketRow held = parse(Map.of("event", "HEARING_HELD", "date", "2019-06-04", "hearing", "H2"));

        assertThat(scheduled.command(CASE)).isEqualTo(new ScheduleHearing(CASE, scheduled.hearingId(CASE),
                HearingKind.TRIAL, DATE, null));
        assertThat(adjourned.command(CASE)).isEqualTo(new AdjournHearing(CASE, scheduled.hearingId(CASE), DATE,
                AdjournmentReason.ACCUSED_ABSENT, null));
        assertThat(held.hearingId(CASE)).isNotEqualTo(scheduled.hearingId(CASE));
        assertThat(held.command(CASE)).isEqualTo(new HoldHearing(CASE, held.hearingId(CASE), DATE, null));
        assertThat(scheduled.hearingId(CASE)).isNotEqualTo(scheduled.hearingId(new CaseId("case-2")));
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

    @Test
    void eachWrongColumnIsNamedWithWhatWasWritten() {
        assertThatThrownBy(() -> parse(Map.of("event", "FILED", "date", "14/03/2019", "offence", "rape",
                "women", "one", "girls", "0", "men", "0", "boys", "-1", "accused", "UNIDENTIFIED",
                "accusedGroup", "msa")))
                .isInstanceOf(DocketRow.InvalidRow.class)
                .hasMessage("date: must be a date as YYYY-MM-DD (got '14/03/2019'); "
                        + "offence: must be one of " + Arrays.toString(OffenceCategory.values())
                        + " (got 'rape'); "
                        + "women: must be a whole number from 0 to 10000 (got 'one'); "
                        + "boys: must be a whole number from 0 to 10000 (got '-1'); "
                        + "accusedGroup: must be an armed group code in capitals, e.g. CMA (got 'msa')");
    }

    @Test
    void theKeyColumnsAreRequiredAndChecked() {
        Map<String, String> values = new HashMap<>(Map.of("event", "", "docketNumber", " bad docket!",
                "tribunalId", "", "date", "2019-02-30"));
        assertThatThrownBy(() -> DocketRow.parse(new DocketFile.Row(3, values, DocketFile.COLUMNS.size())))
                .hasMessage("event: is required; docketNumber: " + Patterns.DOCKET_MESSAGE
                        + " (got 'bad docket!'); tribunalId: is required; "
                        + "date: must be a date as YYYY-MM-DD (got '2019-02-30')");
    }

    @Test
    void anUnknownEventListsTheEvents() {
        assertThatThrownBy(() -> parse(Map.of("event", "ARRESTED")))
                .hasMessageContaining("event: must be one of [FILED, HEARING_SCHEDULED, HEARING_ADJOURNED, "
                        + "HEARING_HELD, JUDGMENT, DISMISSED, WITHDRAWN, TRANSFERRED, SUSPENDED, RESUMED, REOPENED] "
                        + "(got 'ARRESTED')");
    }

    @Test
    void theColumnsOfTheEventAreRequiredAndTheOthersMustBeEmpty() {
        assertThatThrownBy(() -> parse(Map.of("event", "HEARING_ADJOURNED", "verdict", "CONVICTION")))
                .hasMessage("verdict: must be empty for a HEARING_ADJOURNED row (got 'CONVICTION'); "
                        + "hearing: is required for a HEARING_ADJOURNED row; "
                        + "reason: is required for a HEARING_ADJOURNED row");
        assertThatThrownBy(() -> parse(Map.of("event", "WITHDRAWN", "women", "1", "toTribunalId", "kati")))
                .hasMessage("women: must be empty for a WITHDRAWN row (got '1'); "
                        + "toTribunalId: must be empty for a WITHDRAWN row (got 'kati')");
    }

    @Test
    void eachReasonComesFromTheCodesOfItsEvent() {
        assertThatThrownBy(() -> parse(Map.of("event", "SUSPENDED", "reason", "ACCUSED_ABSENT")))
                .hasMessage("reason: must be one of " + Arrays.toString(SuspensionReason.values())
                        + " (got 'ACCUSED_ABSENT')");
    }

    @Test
    void aFilingHasAtLeastOneVictim() {
        assertThatThrownBy(() -> parse(Map.of("event", "FILED", "date", "2019-02-11", "offence", "RAPE",
                "women", "0", "girls", "0", "men", "0", "boys", "0", "accused", "UNIDENTIFIED")))
                .hasMessage("women, girls, men, boys: a case has at least one victim");
    }

    @Test
    void aRowWithTooFewValuesIsRefused() {
        assertThatThrownBy(() -> DocketRow.parse(new DocketFile.Row(5, Map.of("event", "WITHDRAWN"), 3)))
                .hasMessage("the row has 3 values where the header has 17 columns");
    }

    @Test
    void valuesAreEchoedShortAndWithoutControlCharacters() {
        assertThatThrownBy(() -> parse(Map.of("event", "JUDGMENT", "verdict", "GUILTY\u0007" + "x".repeat(60))))
                .hasMessage("verdict: must be one of " + Arrays.toString(Verdict.values())
                        + " (got 'GUILTY?" + "x".repeat(33) + "...')");
    }

    @Test
    void theFingerprintIsTheSameForTheSameRowHoweverItIsWritten() {
        DocketRow row = parse(Map.of("event", "HEARING_HELD", "hearing", "H1"));
        DocketRow sameRow = parse(Map.of("event", "HEARING_HELD", "hearing", " h1 ", "docketNumber", "rp-2019-0117"));
        DocketRow otherDate = parse(Map.of("event", "HEARING_HELD", "hearing", "H1", "date", "2019-06-05"));

        assertThat(row.fingerprint()).hasSize(64).isEqualTo(sameRow.fingerprint())
                                     .isNotEqualTo(otherDate.fingerprint());
        assertThat(row.idempotencyKey()).isEqualTo("import-" + row.fingerprint());
    }

    @Test
    void aRowHasTheIdempotencyKeyEarlierVersionsRecordedForIt() {
        // Pinned: a file imported before an upgrade must be recognised after it, so the key never changes form.
        DocketRow row = parse(Map.of("event", "HEARING_HELD", "hearing", "H1"));
        assertThat(row.idempotencyKey())
                .isEqualTo("import-4428caec3363cd6ef75f4d3262d487d9136a2c141833125196d32d2703775ca2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "h1", "H-12", "TR3", "7", "ABC-9999"})
    void aHearingReferenceIsAShortCode(String reference) {
        assertThat(parse(Map.of("event", "HEARING_HELD", "hearing", reference)).hearing()).isEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aminata", "Fatoumata-1", "H1.Traore", "ABCD1", "H12345", "H 1", "76000000"})
    void aHearingReferenceThatCouldHoldANameIsRefused(String reference) {
        assertThatThrownBy(() -> parse(Map.of("event", "HEARING_HELD", "hearing", reference)))
                .hasMessageStartingWith("hearing: must be up to 3 letters and 1 to 4 digits, e.g. H1 (got '");
    }

    private static CaseCommand command(Map<String, String> values) {
        return parse(values).command(CASE);
    }

    /** A row of a docket file at line 7: the given values over a case at Bamako commune III dated 2019-06-04. */
    private static DocketRow parse(Map<String, String> values) {
        Map<String, String> row = new HashMap<>();
        DocketFile.COLUMNS.forEach(column -> row.put(column, ""));
        row.putAll(Map.of("docketNumber", "RP-2019-0117", "tribunalId", "bamako-commune-iii", "date", "2019-06-04"));
        row.putAll(values);
        return DocketRow.parse(new DocketFile.Row(7, row, DocketFile.COLUMNS.size()));
    }
}
