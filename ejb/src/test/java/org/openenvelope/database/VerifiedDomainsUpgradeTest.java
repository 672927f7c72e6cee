package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upgrading to verified domains (V7) keeps every domain that routed before working: it becomes verified by the
 * administrator, and no claim is lost.
 */
class VerifiedDomainsUpgradeTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void domainsOfAnEarlierVersionAreVerifiedByTheAdministrator(String engine) throws Exception {
        try (TestDatabase database = engine.equals("h2") ? TestDatabase.h2() : TestDatabase.postgreSqlFromEnvironment()) {
            DataSource dataSource = ConfiguredDataSource.open(database.settings());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("6").load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into account (id, account_number, name, status, created_at, version)"
                        + " values (1, '10000007', 'Before', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 0)");
                sql.execute("insert into profile_entry (id, account_id, entry_type, entry_value, created_at, created_by)"
                        + " values (1, 1, 'DOMAIN', 'before.example', TIMESTAMP WITH TIME ZONE '2025-01-02 00:00:00+00', 'root')");
            }

            DatabaseMigration.applyMigrations(dataSource);

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("select verification, verified_value, verified_by, verification_token"
                         + " from profile_entry where id = 1")) {
                row.next();
                assertEquals("ADMINISTRATOR", row.getString(1));
                assertEquals("before.example", row.getString(2), "verified values are unique across accounts");
                assertEquals("upgrade", row.getString(3));
                assertEquals(null, row.getString(4), "no record to publish for what is already verified");
            }
        }
    }
}
