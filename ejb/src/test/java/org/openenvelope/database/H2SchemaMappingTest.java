package org.openenvelope.database;

/** The schema and mappings on H2, the embedded default (the version this build bundles). */
class H2SchemaMappingTest extends SchemaMappingTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
