package org.greffe.registry.application.docket;

import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.MetaDataKeys;

import java.util.Objects;

/**
 * Who imports a docket file, and through which door: the metadata every event of the import carries.
 *
 * @param user   who recorded the events (event metadata {@code user}), in its stored form (see
 *               {@link ClientReferences#user})
 * @param source event metadata {@code source}: {@code import} for HTTP and command-line imports, {@code scenario}
 *               for the demo docket
 * @param label  names the file in the log, e.g. its file name; never stored with the events
 */
public record ImportSource(String user, String source, String label) {

    public ImportSource {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        // Checked here, before a single row is applied, rather than by the first row's RequestContext.
        if (!MetaDataKeys.isStoredUser(user)) {
            throw new IllegalArgumentException("user must be an identifier or a keyed hash (see ClientReferences)");
        }
        if (!MetaDataKeys.SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + MetaDataKeys.SOURCES);
        }
    }
}
