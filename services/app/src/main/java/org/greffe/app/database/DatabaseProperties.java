package org.greffe.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code greffe.database}.
 *
 * @param owner               the role migrations run as on an external server ({@code GREFFE_DATABASE_OWNER_USERNAME},
 *                            {@code GREFFE_DATABASE_OWNER_PASSWORD}); unset, they run as the runtime role
 *                            ({@code spring.datasource.username}), which then owns the tables and is refused on real
 *                            data. The embedded database always uses {@link DatabaseRoles#OWNER}.
 * @param allowPrivilegedRole start on real data although the runtime role could alter the append-only tables
 *                            ({@code GREFFE_DATABASE_ALLOW_PRIVILEGED_ROLE}); logged and shown in health
 * @param allowNonDurable     start on real data although the server may lose acknowledged commits
 *                            ({@code GREFFE_DATABASE_ALLOW_NON_DURABLE}); logged and shown in health
 */
@ConfigurationProperties("greffe.database")
public record DatabaseProperties(Owner owner, boolean allowPrivilegedRole, boolean allowNonDurable) {

    public DatabaseProperties {
        owner = owner == null ? new Owner(null, null) : owner;
    }

    /**
     * @param username the owner role's name
     * @param password its password, if the server asks for one
     */
    public record Owner(String username, String password) {
    }
}
