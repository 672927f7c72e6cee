package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ConfiguredDataSourceTest {

    @Test
    void opensH2WithTheConfiguredCredentials() throws SQLException {
        DataSource dataSource = ConfiguredDataSource.open(
                new DatabaseSettings("jdbc:h2:mem:configured-data-source", "sa", "pw"));
        JdbcDataSource h2 = assertInstanceOf(JdbcDataSource.class, dataSource);
        assertEquals("jdbc:h2:mem:configured-data-source", h2.getURL());
        assertEquals("sa", h2.getUser());
        try (Connection connection = dataSource.getConnection();
             ResultSet result = connection.createStatement().executeQuery("select 1")) {
            result.next();
            assertEquals(1, result.getInt(1));
        }
    }

    @Test
    void opensPostgreSqlAndLeavesEmptyCredentialsToTheUrl() throws SQLException {
        DataSource dataSource = ConfiguredDataSource.open(
                new DatabaseSettings("jdbc:postgresql://db.internal:5433/oe?user=fromurl", "", ""));
        PGSimpleDataSource postgres = assertInstanceOf(PGSimpleDataSource.class, dataSource);
        assertEquals("db.internal", postgres.getServerNames()[0]);
        assertEquals(5433, postgres.getPortNumbers()[0]);
        assertEquals("oe", postgres.getDatabaseName());
        assertEquals("fromurl", postgres.getUser());
        assertNull(postgres.getPassword());
    }

    @Test
    void opensPostgreSqlWithExplicitCredentials() throws SQLException {
        PGSimpleDataSource postgres = (PGSimpleDataSource) ConfiguredDataSource.open(
                new DatabaseSettings("jdbc:postgresql://db/oe", "envelope", "secret"));
        assertEquals("envelope", postgres.getUser());
        assertEquals("secret", postgres.getPassword());
    }

    @Test
    void refusesOtherDatabasesWithoutRevealingUrlParameters() {
        SQLException refused = assertThrows(SQLException.class, () -> ConfiguredDataSource.open(
                new DatabaseSettings("jdbc:mysql://db/oe?password=secret", "u", "p")));
        assertEquals("openenvelope.datasource.url must start with jdbc:h2: or jdbc:postgresql:, not jdbc:mysql://db/oe",
                refused.getMessage());
    }
}
