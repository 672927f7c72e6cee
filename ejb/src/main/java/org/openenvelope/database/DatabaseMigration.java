package org.openenvelope.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. The schema is owned by the Flyway
 * migrations in the jpa module; the persistence unit never generates DDL.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "org.openenvelope.database.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        transactional = true)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/openenvelope";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.from(
                ConfigProvider.getConfig(DatabaseMigration.class.getClassLoader()));
        MigrateResult result = applyMigrations(dataSource);
        LOG.info(() -> "Database " + settings.describe() + ": schema at version " + schemaVersion(result)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** Applies the jpa module's pending migrations to the database behind {@code dataSource}. */
    static MigrateResult applyMigrations(DataSource dataSource) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static String schemaVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
