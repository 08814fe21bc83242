package org.greffe.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL of a test's own, on a port it chose, durable as Greffe requires of a database it writes to (zonky turns
 * fsync and synchronous_commit off), so that the test can stop it, start it again on the same data and port, or share
 * it between Greffe processes.
 */
final class DurablePostgres {

    private DurablePostgres() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server on the data directory (made the first time, found as it was left afterwards). */
    static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                               .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "on")
                               .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                               .start();
    }
}
