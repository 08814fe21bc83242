package org.greffe.platform.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

import javax.sql.DataSource;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A service's own Flyway: its scripts under {@code classpath:db/<module>} and its own history table
 * {@code flyway_history_<module>}, so that each service migrates the tables it owns without knowing the others'.
 * It migrates as the owner role and then grants Greffe's runtime role what {@code afterMigrate__grants.sql} lists,
 * when the application provides them (a {@link FlywayConfigurationCustomizer}); alone, as the connecting role.
 */
public final class ModuleMigrations {

    private ModuleMigrations() {
    }

    /**
     * The module's Flyway, not yet migrated.
     *
     * @param dataSource the database
     * @param module     the module's name: its scripts' folder and its history table's suffix
     * @param extra      what the module adds to the configuration (Java migrations), applied before the roles
     * @param roles      the application's customizers, in order
     */
    public static Flyway of(DataSource dataSource, String module, Consumer<FluentConfiguration> extra,
                            Stream<FlywayConfigurationCustomizer> roles) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + module)
                .table("flyway_history_" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("appRole", "CURRENT_USER"));
        extra.accept(configuration);
        roles.forEach(customizer -> customizer.customize(configuration));
        return configuration.load();
    }

    /** The module's Flyway, not yet migrated, with nothing of the module's own added. */
    public static Flyway of(DataSource dataSource, String module, Stream<FlywayConfigurationCustomizer> roles) {
        return of(dataSource, module, configuration -> { }, roles);
    }
}
