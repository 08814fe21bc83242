package org.greffe.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server both Greffe and the baselines use: the one named by {@code --jdbc-url}, or an embedded one
 * the bench starts, durable as Greffe requires for real data ({@code fsync} and {@code synchronous_commit} on). Each
 * stage of the run gets a fresh database on that server, so stages never see each other's rows, set up as an
 * operator sets one up for Greffe: {@link #OWNER} migrates, Greffe runs as {@link #APP} (docs/operations.md,
 * "Operations:
 * database roles and durability"). The bench's own user (the seeder, the baselines) is the server's administrator;
 * on an external server the two roles log in without a password, so its authentication must trust the bench host.
 */
final class Database implements AutoCloseable {

    /** The role that owns Greffe's tables and runs its migrations. */
    static final String OWNER = "greffe_owner";
    /** The role Greffe runs as. */
    static final String APP = "greffe_app";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String user;
    private int databases;

    private Database(EmbeddedPostgres embedded, String host, int port, String adminDatabase, String user) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.user = user;
    }

    static Database open(String jdbcUrl, String user, Path dataDir) throws IOException {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200").setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
            return new Database(postgres, "127.0.0.1", postgres.getPort(), "postgres", "postgres");
        }
        // jdbc:postgresql://host:port/database
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1).replaceAll("\\?.*", "");
        String[] parts = hostPort.split(":");
        return new Database(null, parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 5432, database, user);
    }

    String describe() {
        return (embedded == null ? "PostgreSQL at " : "embedded PostgreSQL at ") + host + ":" + port;
    }

    /** A new, empty database; its JDBC URL. */
    String freshDatabase(String purpose) throws SQLException {
        String name = "greffe_bench_" + ProcessHandle.current().pid() + "_" + (++databases) + "_" + purpose;
        try (Connection admin = connect(url(adminDatabase)); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') THEN "
                    + "CREATE ROLE " + OWNER + " LOGIN; END IF; IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
                    + APP + "') THEN CREATE ROLE " + APP + " LOGIN; END IF; END $$");
        }
        try (Connection fresh = connect(url(name)); Statement sql = fresh.createStatement()) {
            // As greffe-roles.sql does: nobody but the owner creates anything, temporary tables included.
            sql.execute("REVOKE TEMPORARY, CREATE ON DATABASE " + name + " FROM PUBLIC");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + APP);
        }
        return url(name);
    }

    /**
     * A new database copied from another (PostgreSQL's {@code CREATE DATABASE … TEMPLATE}), which no one may be
     * connected to; its JDBC URL. The database's own privileges are not copied: they are taken from {@code PUBLIC}
     * again, as in {@link #freshDatabase}.
     */
    String copyOf(String templateUrl, String purpose) throws SQLException {
        String template = templateUrl.substring(templateUrl.lastIndexOf('/') + 1);
        String name = "greffe_bench_" + ProcessHandle.current().pid() + "_" + (++databases) + "_" + purpose;
        try (Connection admin = connect(url(adminDatabase)); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
            sql.execute("REVOKE TEMPORARY, CREATE ON DATABASE " + name + " FROM PUBLIC");
        }
        return url(name);
    }

    void drop(String jdbcUrl) throws SQLException {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection admin = connect(url(adminDatabase)); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String user() {
        return user;
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
