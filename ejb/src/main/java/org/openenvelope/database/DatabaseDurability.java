package org.openenvelope.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses to run on a database that would confirm commits it has not made durable. The service answers success
 * to administrators, signs users in and (soon) holds envelope keys on the strength of a commit; a server set up
 * to lose recent commits in a crash would make those answers untrue.
 */
final class DatabaseDurability {

    private DatabaseDurability() {
    }

    /**
     * Checks the settings of the database behind {@code connection} that decide whether a commit survives a
     * crash: on PostgreSQL {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}; on an H2 file
     * database the write delay.
     *
     * @throws SQLException naming each setting that weakens durability and how to fix it
     */
    static void verify(Connection connection, String describedUrl) throws SQLException {
        List<String> problems = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? postgreSqlProblems(connection) : h2Problems(connection);
        if (!problems.isEmpty()) {
            throw new SQLException("The database " + describedUrl + " would lose committed changes in a crash, so"
                    + " OpenEnvelope does not start on it: " + String.join("; ", problems) + ".");
        }
    }

    private static List<String> postgreSqlProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        if (setting(connection, "SHOW fsync").equals("off")) {
            problems.add("fsync is off (set fsync = on in postgresql.conf)");
        }
        if (setting(connection, "SHOW synchronous_commit").equals("off")) {
            problems.add("synchronous_commit is off (set it to on, e.g. ALTER DATABASE … SET synchronous_commit = on,"
                    + " and check the role's settings)");
        }
        if (setting(connection, "SHOW full_page_writes").equals("off")) {
            problems.add("full_page_writes is off (set full_page_writes = on in postgresql.conf)");
        }
        return problems;
    }

    private static List<String> h2Problems(Connection connection) throws SQLException {
        String path = setting(connection, "CALL DATABASE_PATH()");
        if (path.isEmpty()) {
            return List.of();
        }
        String delay = setting(connection,
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        return delay.equals("0") ? List.of() : List.of("H2 writes commits to disk " + delay + " ms after confirming"
                + " them (WRITE_DELAY=" + delay + "; the database was opened by another program with other settings?)");
    }

    private static String setting(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            String value = result.next() ? result.getString(1) : null;
            return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        }
    }
}
