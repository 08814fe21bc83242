package org.greffe.registry.infrastructure;

import org.greffe.events.TribunalId;
import org.greffe.platform.settings.Tribunals;
import org.greffe.registry.model.ConfiguredDocketNumberFormat;
import org.greffe.registry.model.DocketNumberFormat;
import org.greffe.registry.model.ReferenceData;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reference data read once from the configuration; checked at start-up so a typo never reaches the event log. */
public class ConfiguredReferenceData implements ReferenceData {

    private final Set<TribunalId> tribunals = new HashSet<>();
    private final Set<String> armedGroups;
    private final DocketNumberFormat defaultFormat;
    private final Map<TribunalId, DocketNumberFormat> formats = new HashMap<>();

    public ConfiguredReferenceData(Tribunals configured, RegistryProperties properties) {
        if (configured.tribunals().isEmpty()) {
            throw new IllegalStateException("greffe.tribunals is empty: configure at least one tribunal");
        }
        for (Tribunals.Tribunal tribunal : configured.tribunals()) {
            if (tribunal.name() == null || tribunal.name().isBlank()) {
                throw new IllegalStateException("tribunal " + tribunal.id() + " has no name");
            }
            if (!tribunals.add(new TribunalId(tribunal.id()))) {
                throw new IllegalStateException("tribunal " + tribunal.id() + " is configured twice");
            }
        }
        this.armedGroups = Set.copyOf(properties.armedGroups());
        RegistryProperties.DocketNumberFormats docketNumbers = properties.docketNumbers();
        this.defaultFormat = docketNumbers.defaultFormat() == null ? DocketNumberFormat.STANDARD
                : format("greffe.docket-numbers.default", docketNumbers.defaultFormat());
        docketNumbers.tribunals().forEach((id, format) -> {
            String key = "greffe.docket-numbers.tribunals." + id;
            TribunalId tribunal = tribunals.stream().filter(known -> known.value().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + ": '" + id
                            + "' is not a tribunal of greffe.tribunals"));
            formats.put(tribunal, format(key, format));
        });
    }

    @Override
    public boolean isKnownTribunal(TribunalId tribunalId) {
        return tribunals.contains(tribunalId);
    }

    @Override
    public boolean isKnownArmedGroup(String code) {
        return armedGroups.contains(code);
    }

    @Override
    public DocketNumberFormat docketNumberFormat(TribunalId tribunalId) {
        return formats.getOrDefault(tribunalId, defaultFormat);
    }

    private static DocketNumberFormat format(String key, RegistryProperties.Format format) {
        try {
            return ConfiguredDocketNumberFormat.of(format.pattern(), format.example());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }
}
