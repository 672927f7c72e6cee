package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;

/**
 * The schema and mappings on PostgreSQL, in a fresh schema of the database named by
 * {@value #URL_VARIABLE} (with {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}). Without it the class is
 * skipped, except on CI ({@code CI=true}), which must prove PostgreSQL: there it fails. {@code .ci/postgres}
 * starts a throw-away server and prints the variables.
 */
class PostgreSqlSchemaMappingTest extends SchemaMappingTest {

    static final String URL_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_URL";
    static final String USER_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "OPENENVELOPE_TEST_POSTGRES_PASSWORD";

    @Override
    TestDatabase createDatabase() throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set, but CI=true: CI must run the schema tests on PostgreSQL."
                        + " Start one with: eval \"$(bash .ci/postgres)\"");
            }
            assumeTrue(false, URL_VARIABLE + " is not set; skipping the PostgreSQL variant."
                    + " Start one with: eval \"$(bash .ci/postgres)\"");
        }
        return TestDatabase.postgreSql(url, valueOf(USER_VARIABLE), valueOf(PASSWORD_VARIABLE));
    }

    private static String valueOf(String variable) {
        String value = System.getenv(variable);
        return value == null ? "" : value;
    }
}
