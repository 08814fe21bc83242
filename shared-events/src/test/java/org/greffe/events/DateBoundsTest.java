package org.greffe.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateBoundsTest {

    @Test
    void datesFrom1960To2100AreRead() {
        assertThat(DateBounds.date("asOf", "1960-01-01")).isEqualTo(LocalDate.of(1960, 1, 1));
        assertThat(DateBounds.date("asOf", "2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(DateBounds.date("asOf", "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
    }

    @Test
    void anAbsentParameterIsNull() {
        assertThat(DateBounds.date("asOf", null)).isNull();
        assertThat(DateBounds.date("asOf", "")).isNull();
        assertThat(DateBounds.instant("knownAt", null)).isNull();
        assertThat(DateBounds.instant("knownAt", "")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1959-12-31", "2101-01-01", "2020-02-30", "2019-13-01", "0000-01-01", "-0001-01-01",
            "+10000-01-01", "999999999-12-31", "+999999999-12-31", "-999999999-01-01", "2019-1-1", "20190101",
            "2019-01-01T00:00:00Z", "yesterday", " 2019-01-01", "2019-01-01\n", "２０１９-01-01"})
    void anythingElseIsRefusedNamingTheParameterAndTheAcceptedForm(String text) {
        assertThatThrownBy(() -> DateBounds.date("asOf", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("asOf must be a date as YYYY-MM-DD from 1960-01-01 to 2100-12-31 (got '");
    }

    @Test
    void instantsFrom1960To2100InUtcAreRead() {
        assertThat(DateBounds.instant("knownAt", "1960-01-01T00:00:00Z")).isEqualTo(DateBounds.EARLIEST_INSTANT);
        assertThat(DateBounds.instant("knownAt", "2100-12-31T23:59:59.999999999Z"))
                .isEqualTo(DateBounds.LATEST_INSTANT);
        assertThat(DateBounds.instant("knownAt", "2019-06-30T14:00:00+02:00"))
                .isEqualTo(Instant.parse("2019-06-30T12:00:00Z"));
        assertThat(DateBounds.instant("knownAt", "2019-06-30T12:00Z")).isEqualTo(Instant.parse("2019-06-30T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1959-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "1960-01-01T00:00:00+01:00",
            "2100-12-31T23:59:59-01:00", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2020-02-30T00:00:00Z", "2019-01-01T25:00:00Z",
            "2019-01-01", "2019-01-01T00:00:00", "2019-01-01T00:00:00Z[Europe/Paris]", "1561896000", "now"})
    void anyOtherInstantIsRefusedNamingTheParameterAndTheAcceptedForm(String text) {
        assertThatThrownBy(() -> DateBounds.instant("knownAt", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("knownAt must be an instant as YYYY-MM-DDThh:mm:ssZ")
                .hasMessageContaining("from 1960-01-01T00:00:00Z to 2100-12-31T23:59:59Z");
    }

    @Test
    void aRefusalEchoesOnlyALittleOfWhatWasSent() {
        assertThatThrownBy(() -> DateBounds.date("from", "9".repeat(100_000) + "\u0000"))
                .hasMessageEndingWith("(got '" + "9".repeat(40) + "...')");
        assertThatThrownBy(() -> DateBounds.date("from", "\u202E'x"))
                .hasMessageEndingWith("(got '??x')");
    }
}
