package org.greffe.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's life as an operator sees it, in a separate Greffe process: a data folder that is not
 * Greffe's is refused in one sentence, and a stop (SIGTERM) lets the event processor finish before PostgreSQL goes.
 */
class EmbeddedDatabaseLifecycleIntegrationTest {

    @TempDir
    Path folder;

    @Test
    void aDataFolderThatHoldsSomethingElseIsRefusedInOneSentence() throws Exception {
        Path notADatabase = Files.createDirectories(folder.resolve("documents"));
        Files.writeString(notADatabase.resolve("minutes.txt"), "not a database");
        Path log = folder.resolve("refused.log");

        int exit = GreffeProcess.runUntilExit(notADatabase, log);

        String output = Files.readString(log);
        assertThat(exit).isNotZero();
        assertThat(output).contains("The data folder " + notADatabase.toAbsolutePath().normalize()
                + " (greffe.data-dir, GREFFE_DATA_DIR) is not empty and holds no Greffe database: point "
                + "GREFFE_DATA_DIR at a new or empty folder");
        assertThat(output.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
        assertThat(notADatabase.resolve("minutes.txt")).hasContent("not a database");
        assertThat(notADatabase.resolve("PG_VERSION")).doesNotExist();
    }

    @Test
    void aStoppedGreffeStopsItsEventProcessorBeforeItsDatabase() throws Exception {
        Path log = folder.resolve("stopped.log");
        try (GreffeProcess greffe = GreffeProcess.start(folder.resolve("data"), log)) {
            greffe.post("/api/cases", """
                    {"docketNumber":"STOP-2019-1","tribunalId":"gao","filedOn":"2019-03-04","offence":"RAPE",
                     "victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}""");
            greffe.awaitCaughtUp();
        } // close(): SIGTERM, as systemd, Docker and Ctrl-C send it

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).as("errors on shutdown").isEmpty();
        assertThat(lines).filteredOn(line -> line.contains("marked as broken")
                || line.contains("Failed to validate connection")).as("connections cut under the processor").isEmpty();
        int poolClosed = indexOf(lines, "greffe-embedded - Shutdown completed");
        int serverStopped = indexOf(lines, "server stopped");
        assertThat(poolClosed).as("the connection pool closed").isNotNegative();
        assertThat(serverStopped).as("PostgreSQL stopped after its last client").isGreaterThan(poolClosed);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
