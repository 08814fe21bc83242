package org.greffe.registry.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Reference data the registry checks commands against: {@code greffe.tribunals} and {@code greffe.armed-groups}.
 * Shared with the other services, which read the same keys.
 *
 * @param tribunals   the tribunals cases can be filed at or transferred to
 * @param armedGroups codes accepted for {@code accusedGroup}
 */
@ConfigurationProperties("greffe")
public record RegistryProperties(List<Tribunal> tribunals, List<String> armedGroups) {

    public RegistryProperties {
        tribunals = tribunals == null ? List.of() : List.copyOf(tribunals);
        armedGroups = armedGroups == null ? List.of() : List.copyOf(armedGroups);
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
