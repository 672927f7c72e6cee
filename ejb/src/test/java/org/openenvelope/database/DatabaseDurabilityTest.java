package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void acceptsTheEmbeddedDatabase() throws SQLException {
        DataSource embedded = ConfiguredDataSource.open(new DatabaseSettings(DatabaseSettings.embeddedUrl(dataDir), "", ""));
        try (Connection connection = embedded.getConnection()) {
            assertDoesNotThrow(() -> DatabaseDurability.verify(connection, "embedded"));
            shutdown(connection);
        }
    }

    @Test
    void refusesAnH2FileDatabaseOpenedWithAWriteDelay() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("delayed") + ";WRITE_DELAY=1000";
        try (Connection connection = TestDatabase.connect(url, "", "")) {
            SQLException refused = assertThrows(SQLException.class, () -> DatabaseDurability.verify(connection, "H2 here"));
            assertTrue(refused.getMessage().startsWith("The database H2 here would lose committed changes in a crash,"
                    + " so OpenEnvelope does not start on it: H2 writes commits to disk 1000 ms after confirming them"),
                    refused.getMessage());
            shutdown(connection);
        }
    }

    @Test
    void acceptsAnInMemoryDatabase() throws SQLException {
        try (Connection connection = TestDatabase.connect("jdbc:h2:mem:durability-check", "", "")) {
            assertDoesNotThrow(() -> DatabaseDurability.verify(connection, "in memory"));
        }
    }

    @Test
    void acceptsAPostgreSqlServerThatKeepsItsCommitsAndRefusesASessionThatDoesNot() throws SQLException {
        try (TestDatabase postgres = TestDatabase.postgreSqlFromEnvironment()) {
            DatabaseSettings settings = postgres.settings();
            try (Connection connection = TestDatabase.connect(settings.url(), settings.user(), settings.password())) {
                assertDoesNotThrow(() -> DatabaseDurability.verify(connection, settings.describe()));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = off");
                }
                SQLException refused = assertThrows(SQLException.class,
                        () -> DatabaseDurability.verify(connection, settings.describe()));
                assertEquals("The database " + settings.describe() + " would lose committed changes in a crash, so"
                        + " OpenEnvelope does not start on it: synchronous_commit is off (set it to on, e.g. ALTER"
                        + " DATABASE … SET synchronous_commit = on, and check the role's settings).", refused.getMessage());
            }
        }
    }

    private static void shutdown(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
