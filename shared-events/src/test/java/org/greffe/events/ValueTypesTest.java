package org.greffe.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-leading-dash", "has space", "Aïssata", "a/b", "x'; drop table t;--"})
    void identifiersRejectFreeText(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CaseId(value));
        assertThatIllegalArgumentException().isThrownBy(() -> new TribunalId(value));
        assertThatIllegalArgumentException().isThrownBy(() -> new HearingId(value));
    }

    @Test
    void identifiersRejectNullAndOverlongValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CaseId(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CaseId("a".repeat(65)));
        assertThat(new CaseId("a".repeat(64)).value()).hasSize(64);
    }

    @Test
    void randomIdentifiersAreValidAndDistinct() {
        assertThat(CaseId.random()).isNotEqualTo(CaseId.random());
        assertThat(HearingId.random().value()).matches(FORMAT);
    }

    /** The rule as a regular expression: the hand-written check must agree with it on every character. */
    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @Test
    void theIdentifierCheckAgreesWithItsRegularExpressionOnEveryCharacterAndLength() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String value : new String[]{String.valueOf(c), "a" + c, "a" + c + "b", c + "0"}) {
                assertThat(Identifiers.valid(value)).as("U+%04X in %s", (int) c, value)
                                                    .isEqualTo(FORMAT.matcher(value).matches());
            }
        }
        for (int length = 0; length <= 70; length++) {
            String value = "x".repeat(length);
            assertThat(Identifiers.valid(value)).as("length " + length).isEqualTo(FORMAT.matcher(value).matches());
        }
    }

    @Test
    void victimsAreNonNegativeBoundedCountsWithAtLeastOneVictim() {
        assertThat(new Victims(15, 11, 1, 0).total()).isEqualTo(27);
        assertThatIllegalArgumentException().isThrownBy(() -> new Victims(0, 0, 0, 0))
                .withMessageContaining("at least one");
        assertThatIllegalArgumentException().isThrownBy(() -> new Victims(-1, 2, 0, 0))
                .withMessageContaining("women");
        assertThatIllegalArgumentException().isThrownBy(() -> new Victims(0, 0, 0, Victims.MAX_PER_GROUP + 1))
                .withMessageContaining("boys");
    }
}
