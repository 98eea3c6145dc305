package org.creativecities.core.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date: first the core's migrations under {@code db/migration}, then those of each
 * context packed beside the core ({@link ModuleSchema}), each into its own history table.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private static final Pattern MODULE_NAME = Pattern.compile("[a-z]{1,30}");

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Instance<ModuleSchema> modules;

    public void migrate() {
        MigrateResult core = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + core.targetSchemaVersion + " ("
                + core.migrationsExecuted + " migration(s) applied now)");
        String contexts = modules.stream()
                .sorted(Comparator.comparingInt(ModuleSchema::order).thenComparing(ModuleSchema::name))
                .map(this::migrate).collect(Collectors.joining(", "));
        if (!contexts.isEmpty()) {
            LOG.info(() -> "Context schemas: " + contexts);
        }
    }

    /** Migrates one context's schema; answers "name at version (n applied now)". */
    private String migrate(ModuleSchema module) {
        if (!MODULE_NAME.matcher(module.name()).matches()) {
            throw new IllegalStateException("A module schema's name must be 1 to 30 lower-case letters: "
                    + module.name());
        }
        MigrateResult result = Flyway.configure(module.getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + module.location())
                .table(module.historyTable())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return module.name() + " at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " applied now)";
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
