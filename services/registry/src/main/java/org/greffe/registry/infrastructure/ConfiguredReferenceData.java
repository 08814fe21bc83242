package org.greffe.registry.infrastructure;

import org.greffe.events.TribunalId;
import org.greffe.registry.model.ReferenceData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reference data read once from the configuration; checked at start-up so a typo never reaches the event log. */
public class ConfiguredReferenceData implements ReferenceData {

    private final Map<TribunalId, RegistryProperties.Tribunal> tribunals = new LinkedHashMap<>();
    private final Set<String> armedGroups;

    public ConfiguredReferenceData(RegistryProperties properties) {
        if (properties.tribunals().isEmpty()) {
            throw new IllegalStateException("greffe.tribunals is empty: configure at least one tribunal");
        }
        for (RegistryProperties.Tribunal tribunal : properties.tribunals()) {
            if (tribunal.name() == null || tribunal.name().isBlank()) {
                throw new IllegalStateException("tribunal " + tribunal.id() + " has no name");
            }
            if (tribunals.put(new TribunalId(tribunal.id()), tribunal) != null) {
                throw new IllegalStateException("tribunal " + tribunal.id() + " is configured twice");
            }
        }
        this.armedGroups = Set.copyOf(properties.armedGroups());
    }

    @Override
    public boolean isKnownTribunal(TribunalId tribunalId) {
        return tribunals.containsKey(tribunalId);
    }

    @Override
    public boolean isKnownArmedGroup(String code) {
        return armedGroups.contains(code);
    }

    /** The tribunals in configured order. */
    public List<RegistryProperties.Tribunal> tribunals() {
        return List.copyOf(tribunals.values());
    }
}
