package org.greffe.caseload.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The tribunals the caseload reports on: the shared reference data {@code greffe.tribunals}.
 *
 * @param tribunals the configured tribunals, in order
 */
@ConfigurationProperties("greffe")
public record TribunalCatalog(List<Tribunal> tribunals) {

    public TribunalCatalog {
        tribunals = tribunals == null ? List.of() : List.copyOf(tribunals);
    }

    /** The tribunal with that id, if configured. */
    public Optional<Tribunal> find(String id) {
        return tribunals.stream().filter(tribunal -> tribunal.id().equals(id)).findFirst();
    }

    /**
     * A configured tribunal.
     *
     * @param id   its id
     * @param name its name
     */
    public record Tribunal(String id, String name) {
    }
}
