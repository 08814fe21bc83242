package org.greffe.registry.infrastructure;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.greffe.registry.application.ClientReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

/**
 * Registry migration 3: idempotency keys recorded before keys were hashed are replaced by their stored form, so that
 * the client strings they held (a name, perhaps) leave {@code registry_idempotency} and a retry of such a request
 * after the upgrade, hashed the same way, still finds its first answer. Canonical UUIDs and the docket import's
 * {@code import-} keys are stored as they are, and a key already hashed is left alone. A Java migration because the
 * hash needs the deployment's secret, which SQL does not have; the events of those requests keep their raw key in
 * the log, which is immutable.
 */
final class HashedIdempotencyKeys implements JavaMigration {

    private static final String STORED_FORMS = "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|import-[0-9a-f]{64}|hmac-sha256:[0-9a-f]{64})$";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "hashed idempotency keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        List<String> raw = jdbc.queryForList("SELECT idempotency_key FROM registry_idempotency "
                + "WHERE idempotency_key !~ ?", String.class, STORED_FORMS);
        if (raw.isEmpty()) {
            return;
        }
        ClientReferences references = new ClientReferences(
                DeploymentSecret.load(jdbc, DeploymentSecret.CLIENT_REFERENCES));
        jdbc.batchUpdate("UPDATE registry_idempotency SET idempotency_key = ? WHERE idempotency_key = ?",
                raw.stream().map(key -> new Object[]{references.reference(key), key}).toList());
    }
}
