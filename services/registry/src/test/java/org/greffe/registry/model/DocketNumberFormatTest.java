package org.greffe.registry.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in docket-number format and the checks a configured one passes before Greffe starts. */
class DocketNumberFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"RG-2019-0042", "RP-2019-0117", "RG/2019/42", "TGI-CIII-2020-015", "rg-2019-0042",
            " RG-2019-0042 ", "DEMO-B3-2015-0001", "DEMO-GAO-2015-0001", "DEMO-TBK-2015-0001", "42/2019", "2019.42",
            "RG-1960-1", "RG-2099-1", "IT-2024-4194304-1234", "CMD123456-2019-7", "BENCH-2019-1", "DEMO-T-2019-1"})
    void acceptsTheNumbersCourtsWrite(String docketNumber) {
        assertThat(DocketNumberFormat.STANDARD.accepts(docketNumber)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aminata Traore", "AMINATA-2019-1", "TRAORE 2019 12", "2019", "RG-0042", "76 00 00 00",
            "+223 76 00 00 00", "76000000", "RG-2019-76000000", "aminata.traore@example.org", "Aminata.Traore",
            "AMINA-TOURE-2019-1", "FATOUMATA/2019/42", "RG-1959-1", "RG-2100-1", "RG--2019-1", "-RG-2019-1",
            "RG-2019-1-", "RG_2019_1", "RG 2019 1", "RG-2019-1Ã", "", "   ", "RG-2019-0000000000000000000000001"})
    void refusesWhatReadsAsWordsNamesOrContacts(String docketNumber) {
        assertThat(DocketNumberFormat.STANDARD.accepts(docketNumber)).isFalse();
    }

    @Test
    void refusesEveryNameAConfiguredFormatIsCheckedAgainst() {
        assertThat(ConfiguredDocketNumberFormat.NAMES).noneMatch(DocketNumberFormat.STANDARD::accepts);
    }

    @Test
    void theRefusalNamesTheFieldTheShapeAndAnExampleInOneSentence() {
        assertThatThrownBy(() -> DocketNumberFormat.STANDARD.check("Aminata Traore"))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.field()).isEqualTo("docketNumber"))
                .hasMessage("must be a docket number such as RG-2019-0042 or RG/2019/42: an optional code (letters "
                        + "at most 6 in a row), a year from 1960 to 2099 and a number, joined by - / or .")
                .hasMessageNotContaining("Aminata");
    }

    @Test
    void aConfiguredFormatMatchesTheUpperCasedNumberAndGivesItsExample() {
        DocketNumberFormat format = ConfiguredDocketNumberFormat.of("RP/[0-9]{1,5}/(19[6-9][0-9]|20[0-9]{2})",
                "RP/117/2019");
        assertThat(format.accepts("rp/117/2019")).isTrue();
        assertThat(format.accepts("RG-2019-0042")).isFalse();
        assertThatThrownBy(() -> format.check("RG-2019-0042"))
                .hasMessage("must be a docket number in this tribunal's format, such as RP/117/2019");
    }

    @Test
    void aConfiguredFormatThatIsNotARegularExpressionIsRefused() {
        assertThatThrownBy(() -> ConfiguredDocketNumberFormat.of("RP-[0-9", "RP-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pattern 'RP-[0-9' is not a regular expression: ");
    }

    @Test
    void aConfiguredFormatMustAcceptItsExample() {
        assertThatThrownBy(() -> ConfiguredDocketNumberFormat.of("RP-[0-9]{4}-[0-9]+", "RG-2019-1"))
                .hasMessageContaining("does not accept its own example 'RG-2019-1'");
        assertThatThrownBy(() -> ConfiguredDocketNumberFormat.of("RP-[0-9]{4}-[0-9]+", " "))
                .hasMessageStartingWith("example is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[A-Z]+-[0-9]{4}-[0-9]+", ".*", "[A-Z .@+0-9]+", "[A-Z]+", "[0-9 ]+"})
    void aConfiguredFormatThatLetsANameThroughIsRefused(String loose) {
        assertThatThrownBy(() -> ConfiguredDocketNumberFormat.of(loose, sample(loose)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which is a name or a contact");
    }

    /** An example each loose pattern accepts, so that the name check is what refuses it. */
    private static String sample(String loose) {
        return switch (loose) {
            case "[A-Z]+", "[A-Z .@+0-9]+" -> "RG";
            case "[0-9 ]+" -> "42";
            default -> "RG-2019-1";
        };
    }
}
