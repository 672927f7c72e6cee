package org.openenvelope.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.openenvelope.operations.ServiceLog;

/**
 * Opens the database before anything else touches it: checks that it keeps what it confirms
 * ({@link DatabaseDurability}), brings the schema up to date, and closes an embedded database cleanly when the
 * application stops. The schema is owned by the Flyway migrations in the jpa module; the persistence unit never
 * generates DDL.
 *
 * <p>The pool validates each connection before handing it out and drops them all when one fails, so after an
 * outage of the database (PostgreSQL restarted, a full disk freed) the service recovers without a restart.
 */
@DataSourceDefinition(
        name = DatabaseMigration.NON_TRANSACTIONAL_DATA_SOURCE,
        className = "org.openenvelope.database.ConfiguredDataSource",
        minPoolSize = 0,
        maxPoolSize = 16,
        // for work that commits itself, whatever transaction its caller is in (shared rate-limit buckets)
        transactional = false,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=5000"
        })
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "org.openenvelope.database.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        transactional = true,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=5000",
            // parsed statements kept per connection (an LRU cache: the type is blank, see payara/Payara#6647)
            "fish.payara.statement-cache-size=128",
            "fish.payara.statement-cache-type= "
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/openenvelope";
    public static final String NON_TRANSACTIONAL_DATA_SOURCE = "java:app/jdbc/openenvelope-non-transactional";
    private static final Logger LOG = ServiceLog.logger(DatabaseMigration.class);

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private DatabaseSettings settings;
    private String schemaVersion;

    @PostConstruct
    void migrate() {
        settings = DatabaseSettings.from(ConfigProvider.getConfig(DatabaseMigration.class.getClassLoader()));
        try {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseDurability.verify(connection, settings.describe());
            }
            MigrateResult result = applyMigrations(dataSource);
            schemaVersion = schemaVersion(result);
            LOG.info(() -> "Database " + settings.describe() + ": schema at version " + schemaVersion(result)
                    + " (" + result.migrationsExecuted + " migrations applied now); every commit is durable"
                    + " before it is confirmed");
        } catch (SQLException | RuntimeException failure) {
            throw StartupRefusal.refuse(failure);
        }
        StartupRefusal.started();
    }

    /** The schema version this release migrated to at start: the database must be at least there to serve. */
    @Lock(LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Closes the embedded database when the application stops (undeploy, SIGTERM, Ctrl+C), so the next start
     * finds it closed cleanly; PostgreSQL needs nothing, the pool closes its connections.
     */
    @PreDestroy
    void close() {
        if (settings == null || !settings.isEmbedded() || settings.url().startsWith("jdbc:h2:tcp:")
                || settings.url().startsWith("jdbc:h2:ssl:")) {
            return;
        }
        // Directly, not through the pool: the server has already closed the pool when the application stops.
        try (Connection connection = ConfiguredDataSource.open(settings).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
            logAtStop(Level.INFO, "Database " + settings.describe() + " closed cleanly", null);
        } catch (SQLException e) {
            logAtStop(Level.WARNING, "Database " + settings.describe() + " could not be closed cleanly; the next"
                    + " start recovers it from its last commit", e);
        }
    }

    /**
     * When the JVM stops (SIGTERM, Ctrl+C), the JDK's log manager removes every log handler in a shutdown hook of
     * its own, before the server stops the application; then this logs to the console itself, as Payara Micro
     * does for its "STOPPED" line, so the operator still reads how the database was left.
     */
    private static void logAtStop(Level level, String message, Throwable thrown) {
        if (Logger.getLogger("").getHandlers().length == 0 && LOG.getHandlers().length == 0) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.INFO);
            LOG.addHandler(console);
        }
        LOG.log(level, message, thrown);
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
