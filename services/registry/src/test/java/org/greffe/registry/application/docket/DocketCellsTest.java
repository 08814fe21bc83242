package org.greffe.registry.application.docket;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.OffenceCategory;
import org.greffe.events.SuspensionReason;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;
import org.greffe.registry.application.Patterns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.greffe.registry.application.docket.DocketRowTest.parse;

/** Each cell is checked for the shape of its column, and every wrong column is named at once. */
class DocketCellsTest {

    @Test
    void optionalFilingColumnsMayBeEmpty() {
        DocketRow row = parse(Map.of("event", "FILED", "date", "2019-02-11", "offence", "SEXUAL_SLAVERY",
                "women", "0", "girls", "0", "men", "1", "boys", "0", "accused", "UNIDENTIFIED"));
        assertThat(row.entry()).isEqualTo(new DocketEntry.Filed(null, OffenceCategory.SEXUAL_SLAVERY,
                new Victims(0, 0, 1, 0), AccusedAffiliation.UNIDENTIFIED, null));
    }

    @Test
    void eachWrongColumnIsNamedWithWhatWasWritten() {
        assertThatThrownBy(() -> parse(Map.of("event", "FILED", "date", "14/03/2019", "offence", "rape",
                "women", "one", "girls", "0", "men", "0", "boys", "-1", "accused", "UNIDENTIFIED",
                "accusedGroup", "msa")))
                .isInstanceOf(DocketCells.InvalidRow.class)
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
        assertThatThrownBy(() -> DocketCells.parse(new DocketFile.Row(3, values, DocketFile.COLUMNS.size())))
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
        assertThatThrownBy(() -> DocketCells.parse(new DocketFile.Row(5, Map.of("event", "WITHDRAWN"), 3)))
                .hasMessage("the row has 3 values where the header has 17 columns");
    }

    @Test
    void valuesAreEchoedShortAndWithoutControlCharacters() {
        assertThatThrownBy(() -> parse(Map.of("event", "JUDGMENT", "verdict", "GUILTY\u0007" + "x".repeat(60))))
                .hasMessage("verdict: must be one of " + Arrays.toString(Verdict.values())
                        + " (got 'GUILTY?" + "x".repeat(33) + "...')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H1", "h1", "H-12", "TR3", "7", "ABC-9999"})
    void aHearingReferenceIsAShortCode(String reference) {
        DocketEntry held = parse(Map.of("event", "HEARING_HELD", "hearing", reference)).entry();
        assertThat(held).isEqualTo(new DocketEntry.HearingHeld(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aminata", "Fatoumata-1", "H1.Traore", "ABCD1", "H12345", "H 1", "76000000"})
    void aHearingReferenceThatCouldHoldANameIsRefused(String reference) {
        assertThatThrownBy(() -> parse(Map.of("event", "HEARING_HELD", "hearing", reference)))
                .hasMessageStartingWith("hearing: must be up to 3 letters and 1 to 4 digits, e.g. H1 (got '");
    }
}
