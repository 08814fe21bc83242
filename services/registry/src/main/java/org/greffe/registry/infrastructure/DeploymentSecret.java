package org.greffe.registry.infrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;

/**
 * The deployment's secret in {@code registry_secret}, created on first use. Every instance proposes a random one and
 * keeps whichever was stored first, so instances starting together agree without coordinating.
 */
final class DeploymentSecret {

    /** Keys the hashes of client-chosen references and user names. */
    static final String CLIENT_REFERENCES = "client-references";

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeploymentSecret() {
    }

    /** The secret of that name, created now if there is none yet. */
    static byte[] load(JdbcTemplate jdbc, String name) {
        byte[] proposed = new byte[BYTES];
        RANDOM.nextBytes(proposed);
        jdbc.update("INSERT INTO registry_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                name, proposed);
        return jdbc.queryForObject("SELECT secret FROM registry_secret WHERE name = ?", byte[].class, name);
    }
}
