package org.greffe.platform.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The tribunals of the reference data, {@code greffe.tribunals}: where the registry files and transfers cases, what
 * the caseload reports on and what the auditors replay. Bound once, for every service.
 *
 * @param tribunals the configured tribunals, in order; empty when none is configured
 */
@ConfigurationProperties("greffe")
public record Tribunals(List<Tribunal> tribunals) {

    public Tribunals {
        tribunals = tribunals == null ? List.of() : List.copyOf(tribunals);
    }

    /** The tribunal with that id, if configured. */
    public Optional<Tribunal> find(String id) {
        return tribunals.stream().filter(tribunal -> tribunal.id().equals(id)).findFirst();
    }

    /** True when a tribunal with that id is configured. */
    public boolean knows(String id) {
        return find(id).isPresent();
    }

    /**
     * A tribunal of the reference data.
     *
     * @param id     stable identifier used in the API, e.g. {@code bamako-commune-iii}
     * @param name   official name
     * @param kind   kind of court, e.g. {@code TGI} (tribunal de grande instance)
     * @param region administrative region or district
     */
    public record Tribunal(String id, String name, String kind, String region) {
    }
}
