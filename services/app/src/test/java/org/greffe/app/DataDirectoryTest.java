package org.greffe.app;

import org.greffe.app.database.DatabaseRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void aNewOrEmptyFolderIsAccepted() throws Exception {
        assertThatCode(() -> DataDirectory.check(folder.resolve("new"))).doesNotThrowAnyException();
        assertThatCode(() -> DataDirectory.check(folder)).doesNotThrowAnyException();
    }

    @Test
    void theFolderOfAnEarlierRunIsAccepted() throws Exception {
        Files.writeString(folder.resolve("PG_VERSION"), DataDirectory.EMBEDDED_MAJOR_VERSION + "\n");
        Files.createDirectories(folder.resolve("base"));

        assertThatCode(() -> DataDirectory.check(folder)).doesNotThrowAnyException();
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> DataDirectory.check(folder)).isInstanceOf(DatabaseRefused.class)
                .hasMessage("The data folder " + folder + " (greffe.data-dir, GREFFE_DATA_DIR) is not empty and "
                        + "holds no Greffe database: point GREFFE_DATA_DIR at a new or empty folder, or at the "
                        + "folder of an earlier Greffe run.");
    }

    @Test
    void aDatabaseOfAnotherPostgresqlIsRefused() throws Exception {
        Files.writeString(folder.resolve("PG_VERSION"), "15\n");

        assertThatThrownBy(() -> DataDirectory.check(folder)).isInstanceOf(DatabaseRefused.class)
                .hasMessageContaining("holds a PostgreSQL 15 database, and this Greffe embeds PostgreSQL 16");
    }

    @Test
    void aFileIsRefused() throws Exception {
        Path file = Files.writeString(folder.resolve("data"), "x");

        assertThatThrownBy(() -> DataDirectory.check(file)).isInstanceOf(DatabaseRefused.class)
                .hasMessageContaining("is a file");
    }
}
