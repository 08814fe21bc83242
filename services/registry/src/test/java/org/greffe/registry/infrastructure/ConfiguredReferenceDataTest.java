package org.greffe.registry.infrastructure;

import org.greffe.events.TribunalId;
import org.greffe.registry.model.DocketNumberFormat;
import org.greffe.platform.settings.Tribunals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Docket-number formats as configured: the built-in one by default, a tribunal's own, and start-up refusals. */
class ConfiguredReferenceDataTest {

    private static final List<Tribunals.Tribunal> TRIBUNALS = List.of(
            new Tribunals.Tribunal("kati", "Tribunal de grande instance de Kati", "TGI", "Koulikoro"),
            new Tribunals.Tribunal("gao", "Tribunal de grande instance de Gao", "TGI", "Gao"));
    private static final RegistryProperties.Format KATI =
            new RegistryProperties.Format("RP-(19[6-9][0-9]|20[0-9]{2})-[0-9]{1,5}", "RP-2019-117");

    @Test
    void everyTribunalHasTheBuiltInFormatUnlessItHasItsOwn() {
        ConfiguredReferenceData data = data(new RegistryProperties.DocketNumberFormats(null, Map.of("kati", KATI)));
        assertThat(data.docketNumberFormat(new TribunalId("gao"))).isSameAs(DocketNumberFormat.STANDARD);
        assertThat(data.docketNumberFormat(new TribunalId("kati")).accepts("RP-2019-117")).isTrue();
        assertThat(data.docketNumberFormat(new TribunalId("kati")).accepts("RG-2019-0042")).isFalse();
        assertThat(data(null).docketNumberFormat(new TribunalId("kati"))).isSameAs(DocketNumberFormat.STANDARD);
    }

    @Test
    void theDefaultCanBeReplaced() {
        ConfiguredReferenceData data = data(new RegistryProperties.DocketNumberFormats(KATI, Map.of()));
        assertThat(data.docketNumberFormat(new TribunalId("gao")).accepts("RP-2019-117")).isTrue();
        assertThat(data.docketNumberFormat(new TribunalId("gao")).accepts("RG-2019-0042")).isFalse();
    }

    @Test
    void aFormatForAnUnknownTribunalStopsTheStartUp() {
        assertThatThrownBy(() -> data(new RegistryProperties.DocketNumberFormats(null, Map.of("katy", KATI))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("greffe.docket-numbers.tribunals.katy: 'katy' is not a tribunal of greffe.tribunals");
    }

    @Test
    void anInvalidOrLooseFormatStopsTheStartUpNamingTheKey() {
        assertThatThrownBy(() -> data(new RegistryProperties.DocketNumberFormats(null,
                Map.of("gao", new RegistryProperties.Format("RP-(", "RP-1")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("greffe.docket-numbers.tribunals.gao: pattern 'RP-(' is not a regular "
                        + "expression");
        assertThatThrownBy(() -> data(new RegistryProperties.DocketNumberFormats(
                new RegistryProperties.Format("[A-Z]+-[0-9]{4}-[0-9]+", "RG-2019-1"), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("greffe.docket-numbers.default: pattern '[A-Z]+-[0-9]{4}-[0-9]+' accepts "
                        + "'AMINATA-2019-1', which is a name or a contact; narrow it so that only the tribunal's "
                        + "codes, a year and a number fit");
    }

    private static ConfiguredReferenceData data(RegistryProperties.DocketNumberFormats formats) {
        return new ConfiguredReferenceData(new Tribunals(TRIBUNALS), new RegistryProperties(List.of("CMA"), formats));
    }
}
