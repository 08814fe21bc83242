package org.greffe.registry.application.docket;

import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.InvalidDocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --greffe.import=path/to/docket.csv}: imports that file once the application is ready, logs the report and
 * lets Greffe run on. A file that is missing, unreadable, not a docket file or too large stops the start-up: an
 * operator who asked for an import must not miss that it did not happen. Rejected rows do not: the report's listed
 * ones are logged, one line each (then how many more there are), and importing the corrected file again adds only
 * what is new.
 */
@Component
class DocketFileImport {

    private static final Logger log = LoggerFactory.getLogger(DocketFileImport.class);

    private final DocketImport docketImport;
    private final ClientReferences references;
    private final Path file;

    DocketFileImport(DocketImport docketImport, ClientReferences references, @Value("${greffe.import:}") String file) {
        this.docketImport = docketImport;
        this.references = references;
        this.file = file.isBlank() ? null : Path.of(file.strip()).toAbsolutePath().normalize();
        if (this.file != null && !(Files.isRegularFile(this.file) && Files.isReadable(this.file))) {
            String why = Files.exists(this.file) ? "it is not a readable file" : "there is no such file";
            log.error("greffe.import: cannot import the docket file {}: {}", this.file, why);
            throw new IllegalStateException("greffe.import: cannot import the docket file " + this.file + ": " + why);
        }
    }

    /** Runs before the demo docket loader (order 10), which only fills a store that is still empty. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void importAtStartUp() {
        if (file == null) {
            return;
        }
        log.info("Importing the docket file {} (greffe.import)", file);
        ImportReport report;
        try (Reader reader = DocketImport.utf8(Files.newInputStream(file))) {
            report = docketImport.importCsv(reader,
                    new ImportSource(references.user("cli:" + System.getProperty("user.name", "unknown")),
                            "import", file.getFileName().toString()));
        } catch (IOException | UncheckedIOException | InvalidDocket | DocketTooLarge e) {
            log.error("greffe.import: the docket file {} was not imported: {}", file, e.getMessage());
            throw new IllegalStateException("greffe.import: the docket file " + file + " was not imported: "
                    + e.getMessage(), e);
        }
        log.info("Docket file {}: {}", file, report.summary());
        for (ImportReport.RejectedRow rejected : report.rejected()) {
            log.warn("Docket file {}, line {} rejected: {}", file, rejected.line(), rejected.error());
        }
        if (report.rejectedTruncated()) {
            log.warn("Docket file {}: {} of the {} rejected rows listed above; correct them and import the file "
                    + "again to see the others", file, report.rejected().size(), report.rejectedTotal());
        }
    }
}
