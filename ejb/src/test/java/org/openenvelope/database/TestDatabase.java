package org.openenvelope.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** An empty database (or schema) made for one test class and dropped afterwards. */
interface TestDatabase extends AutoCloseable {

    /** A short label for messages: the engine and where. */
    String describe();

    DatabaseSettings settings();

    String driverClass();

    @Override
    void close() throws SQLException;

    /** A private in-memory H2 database, kept until closed. */
    static TestDatabase h2() {
        String name = "schema-mapping-" + UUID.randomUUID();
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new TestDatabase() {
            @Override
            public String describe() {
                return "H2 " + org.h2.engine.Constants.VERSION + " in memory";
            }

            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public String driverClass() {
                return "org.h2.Driver";
            }

            @Override
            public void close() throws SQLException {
                try (Connection connection = connect(settings.url(), settings.user(), settings.password());
                     Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        };
    }

    String URL_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_URL";
    String USER_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_USER";
    String PASSWORD_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_PASSWORD";

    /**
     * A new schema in the PostgreSQL database named by {@value #URL_VARIABLE} (with {@value #USER_VARIABLE} and
     * {@value #PASSWORD_VARIABLE}). Without it the test is skipped, except on CI ({@code CI=true}), which must
     * prove PostgreSQL: there it fails. {@code .ci/postgres} starts a throw-away server and prints the variables.
     */
    static TestDatabase postgreSqlFromEnvironment() throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(URL_VARIABLE + " is not set, but CI=true: CI must run the"
                        + " PostgreSQL tests. Start one with: eval \"$(bash .ci/postgres)\"");
            }
            Assumptions.assumeTrue(false, URL_VARIABLE + " is not set; skipping the"
                    + " PostgreSQL variant. Start one with: eval \"$(bash .ci/postgres)\"");
        }
        return postgreSql(url, environment(USER_VARIABLE), environment(PASSWORD_VARIABLE));
    }

    private static String environment(String variable) {
        String value = System.getenv(variable);
        return value == null ? "" : value;
    }

    /**
     * A new schema with a random name in an existing PostgreSQL database, made current for every connection
     * through the URL ({@code currentSchema}), so reruns never see an earlier run's tables.
     */
    static TestDatabase postgreSql(String url, String user, String password) throws SQLException {
        String schema = "oe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(url, user, password, "create schema " + schema);
        DatabaseSettings settings = new DatabaseSettings(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
        return new TestDatabase() {
            @Override
            public String describe() {
                return "PostgreSQL schema " + schema + " at " + settings.describe();
            }

            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public String driverClass() {
                return "org.postgresql.Driver";
            }

            @Override
            public void close() throws SQLException {
                execute(url, user, password, "drop schema " + schema + " cascade");
            }
        };
    }

    /** Connects with the settings' credentials, leaving empty ones to the URL or the driver's defaults. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties credentials = new Properties();
        if (!user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        return DriverManager.getConnection(url, credentials);
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = connect(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
