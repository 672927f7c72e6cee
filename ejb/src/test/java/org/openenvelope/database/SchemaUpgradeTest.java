package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upgrades keep what worked before working, on both engines. */
class SchemaUpgradeTest {

    private static TestDatabase open(String engine) throws Exception {
        return engine.equals("h2") ? TestDatabase.h2() : TestDatabase.postgreSqlFromEnvironment();
    }

    private static DataSource migratedTo(TestDatabase database, String version) throws Exception {
        DataSource dataSource = ConfiguredDataSource.open(database.settings());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
        return dataSource;
    }

    /**
     * Verified domains (V7): every domain that routed before becomes verified by the administrator, and no claim is
     * lost.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void domainsOfAnEarlierVersionAreVerifiedByTheAdministrator(String engine) throws Exception {
        try (TestDatabase database = open(engine)) {
            DataSource dataSource = migratedTo(database, "6");
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

    /**
     * The explicit federation ID choice (V9): identity providers configured before keep the order users were
     * identified in (LEGACY) until an administrator chooses; new ones default to the NameID.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void identityProvidersOfAnEarlierVersionKeepIdentifyingUsersAsBefore(String engine) throws Exception {
        try (TestDatabase database = open(engine)) {
            DataSource dataSource = migratedTo(database, "8");
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into account (id, account_number, name, status, created_at, version)"
                        + " values (1, '10000007', 'Before', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 0)");
                sql.execute("insert into identity_provider (id, account_id, stage, source, entity_id, sso_url, sso_binding,"
                        + " slo_binding, clock_skew_seconds, allow_sha1, allow_idp_initiated, just_in_time_users,"
                        + " alternate_email_attribute, updated_at, updated_by, version) values (1, 1, 'ACTIVE', 'MANUAL',"
                        + " 'https://idp.example', 'https://idp.example/sso', 'HTTP_REDIRECT', 'HTTP_REDIRECT', 60, FALSE,"
                        + " FALSE, FALSE, 'mail', TIMESTAMP WITH TIME ZONE '2025-01-02 00:00:00+00', 'root', 0)");
            }

            DatabaseMigration.applyMigrations(dataSource);

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                try (ResultSet row = sql.executeQuery("select federation_id_source, federation_id_attribute,"
                        + " alternate_email_attribute from identity_provider where id = 1")) {
                    row.next();
                    assertEquals("LEGACY", row.getString(1));
                    assertEquals(null, row.getString(2));
                    assertEquals("mail", row.getString(3));
                }
                assertThrows(SQLException.class, () -> sql.execute("update identity_provider set"
                        + " federation_id_source = 'ATTRIBUTE' where id = 1"), "an attribute choice names its attribute");
            }
        }
    }

    /**
     * Several identity providers (V10): the single configuration of before, draft and active, becomes the identity
     * provider "primary", the default; its sessions and tests name it; a second one may be added under another name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theIdentityProviderOfAnEarlierVersionBecomesTheDefaultNamedPrimary(String engine) throws Exception {
        try (TestDatabase database = open(engine)) {
            DataSource dataSource = migratedTo(database, "9");
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into account (id, account_number, name, status, created_at, version)"
                        + " values (1, '10000007', 'Before', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 0)");
                for (String[] row : new String[][]{{"1", "ACTIVE", "2025-01-02"}, {"2", "DRAFT", "2025-01-05"}}) {
                    sql.execute("insert into identity_provider (id, account_id, stage, source, entity_id, sso_url, sso_binding,"
                            + " slo_binding, clock_skew_seconds, allow_sha1, allow_idp_initiated, just_in_time_users,"
                            + " federation_id_source, updated_at, updated_by, version) values (" + row[0] + ", 1, '" + row[1]
                            + "', 'MANUAL', 'https://idp.example', 'https://idp.example/sso', 'HTTP_REDIRECT', 'HTTP_REDIRECT',"
                            + " 60, FALSE, FALSE, FALSE, 'NAME_ID', TIMESTAMP WITH TIME ZONE '" + row[2] + " 00:00:00+00', 'root', 0)");
                }
                sql.execute("insert into account_user (id, account_id, federation_id, origin, created_at, created_by, version)"
                        + " values (1, 1, 'alice@before.example', 'ADMINISTRATOR', TIMESTAMP WITH TIME ZONE"
                        + " '2025-01-02 00:00:00+00', 'root', 0)");
                sql.execute("insert into websafe_session (session_key, account_id, user_id, name_id, name_id_format,"
                        + " started_at, expires_at) values ('" + "a".repeat(64) + "', 1, 1, 'alice@before.example',"
                        + " 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', TIMESTAMP WITH TIME ZONE"
                        + " '2025-01-03 00:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-03 08:00:00+00')");
                sql.execute("insert into websafe_session (session_key, account_id, user_id, started_at, expires_at) values ('"
                        + "b".repeat(64) + "', 1, 1, TIMESTAMP WITH TIME ZONE '2025-01-03 00:00:00+00',"
                        + " TIMESTAMP WITH TIME ZONE '2025-01-03 08:00:00+00')");
            }

            DatabaseMigration.applyMigrations(dataSource);

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                try (ResultSet rows = sql.executeQuery("select name, created_at from identity_provider order by id")) {
                    rows.next();
                    assertEquals("primary", rows.getString(1));
                    java.time.OffsetDateTime created = rows.getObject(2, java.time.OffsetDateTime.class);
                    assertEquals(java.time.Instant.parse("2025-01-02T00:00:00Z"), created.toInstant(),
                            "created when the account's first configuration was saved");
                    rows.next();
                    assertEquals("primary", rows.getString(1), "the draft belongs to the same identity provider");
                    assertEquals(created.toInstant(), rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
                }
                try (ResultSet rows = sql.executeQuery("select identity_provider_name from websafe_session order by session_key")) {
                    rows.next();
                    assertEquals("primary", rows.getString(1), "a federated session was signed in by it");
                    rows.next();
                    assertEquals(null, rows.getString(1), "a password session by none");
                }
                sql.execute("insert into identity_provider (id, account_id, name, created_at, stage, source, entity_id,"
                        + " sso_url, sso_binding, slo_binding, clock_skew_seconds, allow_sha1, allow_idp_initiated,"
                        + " just_in_time_users, federation_id_source, updated_at, updated_by, version) values (3, 1,"
                        + " 'subsidiary', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00', 'ACTIVE', 'MANUAL',"
                        + " 'https://other.example', 'https://other.example/sso', 'HTTP_REDIRECT', 'HTTP_REDIRECT', 60, FALSE,"
                        + " FALSE, FALSE, 'NAME_ID', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00', 'root', 0)");
                assertThrows(SQLException.class, () -> sql.execute("insert into identity_provider (id, account_id, name,"
                        + " created_at, stage, source, entity_id, sso_url, sso_binding, slo_binding, clock_skew_seconds,"
                        + " allow_sha1, allow_idp_initiated, just_in_time_users, federation_id_source, updated_at,"
                        + " updated_by, version) values (4, 1, 'subsidiary', TIMESTAMP WITH TIME ZONE"
                        + " '2025-02-01 00:00:00+00', 'ACTIVE', 'MANUAL', 'https://x.example', 'https://x.example/sso',"
                        + " 'HTTP_REDIRECT', 'HTTP_REDIRECT', 60, FALSE, FALSE, FALSE, 'NAME_ID', TIMESTAMP WITH TIME ZONE"
                        + " '2025-02-01 00:00:00+00', 'root', 0)"), "one configuration in force per name");
                assertThrows(SQLException.class, () -> sql.execute("insert into sso_test (id, account_id, draft_id,"
                        + " draft_version, url_key, started_by, started_at, outcome) values (1, 1, 2, 0, '" + "c".repeat(40)
                        + "', 'root', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00', 'PENDING')"),
                        "a new test names its identity provider");
            }
        }
    }

    /**
     * Signing AuthnRequests only where wanted (V19): every identity provider configured before, entered by hand or
     * imported, keeps signing, so no sign-in changes at the upgrade; what its metadata wanted is not known yet.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void identityProvidersOfAnEarlierVersionKeepSigningTheirAuthnRequests(String engine) throws Exception {
        try (TestDatabase database = open(engine)) {
            DataSource dataSource = migratedTo(database, "18");
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into account (id, account_number, name, status, created_at, version)"
                        + " values (1, '10000007', 'Before', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 0)");
                String[][] providers = {{"1", "primary", "MANUAL", "NULL"}, {"2", "keycloak", "METADATA_URL",
                        "'https://idp.example/metadata'"}};
                for (String[] row : providers) {
                    sql.execute("insert into identity_provider (id, account_id, name, created_at, stage, source,"
                            + " metadata_url, entity_id, sso_url, sso_binding, slo_binding, clock_skew_seconds, allow_sha1,"
                            + " allow_idp_initiated, just_in_time_users, federation_id_source, updated_at, updated_by,"
                            + " version) values (" + row[0] + ", 1, '" + row[1] + "', TIMESTAMP WITH TIME ZONE"
                            + " '2025-02-01 00:00:00+00', 'ACTIVE', '" + row[2] + "', " + row[3] + ", 'https://idp.example/"
                            + row[1] + "', 'https://idp.example/sso', 'HTTP_REDIRECT', 'HTTP_REDIRECT', 60, FALSE, FALSE,"
                            + " FALSE, 'NAME_ID', TIMESTAMP WITH TIME ZONE '2025-02-01 00:00:00+00', 'root', 0)");
                }
            }

            DatabaseMigration.applyMigrations(dataSource);

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("select sign_authn_requests, metadata_wants_signed_requests"
                         + " from identity_provider order by id")) {
                for (int i = 0; i < 2; i++) {
                    rows.next();
                    assertEquals(true, rows.getBoolean(1), "signed as before the upgrade");
                    rows.getBoolean(2);
                    assertEquals(true, rows.wasNull(), "what the metadata wanted is read at the next import or refresh");
                }
            }
        }
    }
}
