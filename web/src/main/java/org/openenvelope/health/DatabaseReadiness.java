package org.openenvelope.health;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.api.MigrationVersion;
import org.openenvelope.database.DatabaseMigration;

/**
 * Ready to serve only while the database answers and its schema is at least at this release's version (a node of
 * an older release stays ready after a newer one migrated, as Flyway lets it; one that finds the schema behind does
 * not). Says the versions, never the database's address or credentials.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @EJB
    DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named(NAME);
        String expected = migration.schemaVersion();
        health.withData("expectedSchemaVersion", String.valueOf(expected));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet newest = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                String found = newest.next() ? newest.getString(1) : null;
                health.withData("schemaVersion", String.valueOf(found));
                boolean migrated = found != null && expected != null
                        && MigrationVersion.fromVersion(found).compareTo(MigrationVersion.fromVersion(expected)) >= 0;
                return health.status(migrated).build();
            }
        } catch (SQLException | RuntimeException unavailable) {
            return health.down().withData("error", unavailable.getClass().getSimpleName()).build();
        }
    }
}
