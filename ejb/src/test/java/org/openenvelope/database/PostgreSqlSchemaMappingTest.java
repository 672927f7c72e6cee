package org.openenvelope.database;

import java.sql.SQLException;

/**
 * The schema and mappings on PostgreSQL, in a fresh schema of the database the environment names (see
 * {@link TestDatabase#postgreSqlFromEnvironment()}).
 */
class PostgreSqlSchemaMappingTest extends SchemaMappingTest {

    @Override
    TestDatabase createDatabase() throws SQLException {
        return TestDatabase.postgreSqlFromEnvironment();
    }
}
