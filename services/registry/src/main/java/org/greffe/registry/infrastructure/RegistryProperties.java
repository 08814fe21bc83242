package org.greffe.registry.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

import java.util.List;
import java.util.Map;

/**
 * Reference data only the registry checks commands against: {@code greffe.armed-groups} and
 * {@code greffe.docket-numbers}. The tribunals, {@code greffe.tribunals}, every service reads: they are bound once,
 * by {@link org.greffe.platform.settings.Tribunals}.
 *
 * @param armedGroups   codes accepted for {@code accusedGroup}
 * @param docketNumbers the formats new docket numbers must have
 */
@ConfigurationProperties("greffe")
public record RegistryProperties(List<String> armedGroups, DocketNumberFormats docketNumbers) {

    public RegistryProperties {
        armedGroups = armedGroups == null ? List.of() : List.copyOf(armedGroups);
        docketNumbers = docketNumbers == null ? new DocketNumberFormats(null, null) : docketNumbers;
    }

    /**
     * {@code greffe.docket-numbers}: the docket-number formats that differ from the built-in one (a short code, a
     * year and a number, e.g. {@code RG-2019-0042}).
     *
     * @param defaultFormat {@code greffe.docket-numbers.default}: replaces the built-in format for every tribunal
     *                      without a format of its own; {@code null} keeps the built-in one
     * @param tribunals     {@code greffe.docket-numbers.tribunals.<tribunal id>}: a tribunal's own format
     */
    public record DocketNumberFormats(@Name("default") Format defaultFormat, Map<String, Format> tribunals) {

        public DocketNumberFormats {
            tribunals = tribunals == null ? Map.of() : Map.copyOf(tribunals);
        }
    }

    /**
     * A configured docket-number format.
     *
     * @param pattern a Java regular expression the whole docket number, upper-cased, must match
     * @param example a docket number it accepts, shown to clerks in the error
     */
    public record Format(String pattern, String example) {
    }
}
