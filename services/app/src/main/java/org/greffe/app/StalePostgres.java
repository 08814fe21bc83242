package org.greffe.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Greffe process killed without shutdown (SIGKILL, power loss) leaves its embedded PostgreSQL server running on
 * the data directory, which would keep the next start from using it. Stop that orphan first; PostgreSQL's own
 * crash recovery then makes the data consistent.
 */
final class StalePostgres {

    private static final Logger log = LoggerFactory.getLogger(StalePostgres.class);

    private StalePostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres"))
                        .orElse(false));
        if (server.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it",
                server.get().pid(), dataDir);
        server.get().destroy(); // SIGTERM: the server shuts down cleanly once its clients are gone
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the PostgreSQL server left in " + dataDir
                    + " (pid " + server.get().pid() + "); stop it by hand", e);
        }
    }
}
