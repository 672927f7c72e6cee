package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountNumber;
import org.openenvelope.account.AccountStatus;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.addin.AddinSession;
import org.openenvelope.addin.EncryptionFlow;
import org.openenvelope.addin.EncryptionType;
import org.openenvelope.addin.FlowStep;
import org.openenvelope.addin.FlowStepName;
import org.openenvelope.administrator.Administrator;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.audit.AuditEvent;
import org.openenvelope.graph.MicrosoftClientSecrets;
import org.openenvelope.graph.MicrosoftConnection;
import org.openenvelope.profile.DomainVerification;
import org.openenvelope.profile.ProfileEntry;
import org.openenvelope.profile.ProfileEntryType;
import org.openenvelope.saml.FederationIdSource;
import org.openenvelope.saml.IdentityProvider;
import org.openenvelope.saml.IdentityProviderSettings;
import org.openenvelope.saml.IdpStage;
import org.openenvelope.saml.KeyOrigin;
import org.openenvelope.saml.KeyStatus;
import org.openenvelope.saml.MetadataSource;
import org.openenvelope.saml.OutstandingRequest;
import org.openenvelope.saml.RequestPurpose;
import org.openenvelope.saml.SeenAssertion;
import org.openenvelope.saml.ServiceProvider;
import org.openenvelope.saml.ServiceProviderKey;
import org.openenvelope.saml.ServiceProviderKeySecrets;
import org.openenvelope.saml.SsoTest;
import org.openenvelope.saml.SsoTestOutcome;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.security.SealedSecrets;
import org.openenvelope.security.SecretBox;
import org.openenvelope.security.SecretRotation;
import org.openenvelope.token.ApiToken;
import org.openenvelope.token.TokenSecret;
import org.openenvelope.user.AccountUser;
import org.openenvelope.user.UserOrigin;
import org.openenvelope.websafe.WebsafeSession;
import org.opentest4j.TestAbortedException;

/**
 * The Flyway migrations and the entity mappings agree. Each subclass names a database; this class runs the real
 * migrations on it (as {@link DatabaseMigration} does at startup), boots the {@code openenvelope} persistence unit
 * on EclipseLink outside the container (resource-local, no DDL generation) and checks that every entity survives
 * a round trip, that ids come from the sequences, and that the database enforces the uniqueness the services
 * rely on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaMappingTest {

    private static final List<SealedSecrets> SEALED_SECRETS = List.of(new ServiceProviderKeySecrets(),
            new MicrosoftClientSecrets());

    /** Both databases keep TIMESTAMP WITH TIME ZONE to the microsecond. */
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final String TOKEN = "verification-token";
    /** Half-hour offset and daylight saving: instants must not depend on the server's zone. */
    private static final TimeZone SERVER_ZONE = TimeZone.getTimeZone("America/St_Johns");
    private static final String UNIQUE_VIOLATION = "23505";

    /** Seeded, so the account numbers a run uses are the same every time. */
    private final SplittableRandom numbers = new SplittableRandom(20250301);
    private int uniqueCounter;

    private TimeZone originalZone;
    private TestDatabase database;
    private MigrateResult migration;
    private EntityManagerFactory emf;
    private String unavailable;

    /**
     * An empty database for this class; closed after its tests.
     *
     * @throws TestAbortedException (a failed assumption) to skip the tests where the database is not available
     */
    abstract TestDatabase createDatabase() throws SQLException;

    @BeforeAll
    void migrateAndBoot() throws SQLException {
        originalZone = TimeZone.getDefault();
        TimeZone.setDefault(SERVER_ZONE);
        try {
            database = createDatabase();
        } catch (TestAbortedException notAvailable) {
            unavailable = notAvailable.getMessage();
            return;
        }
        migration = DatabaseMigration.applyMigrations(ConfiguredDataSource.open(database.settings()));
        emf = boot();
    }

    /**
     * A database that is not available skips every test, each with the reason: Surefire shows neither the count
     * nor the reason of an assumption that fails in {@code @BeforeAll}.
     */
    @BeforeEach
    void requireDatabase() {
        if (unavailable != null) {
            throw new TestAbortedException(unavailable);
        }
    }

    @AfterAll
    void closeAndDrop() throws SQLException {
        try {
            if (emf != null) {
                emf.close();
            }
            if (database != null) {
                database.close();
            }
        } finally {
            TimeZone.setDefault(originalZone);
        }
    }

    /** The persistence unit as deployed, but resource-local on plain JDBC instead of the container's pool. */
    private EntityManagerFactory boot() {
        DatabaseSettings settings = database.settings();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", database.driverClass());
        properties.put("jakarta.persistence.jdbc.url", settings.url());
        if (!settings.user().isEmpty()) {
            properties.put("jakarta.persistence.jdbc.user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.put("jakarta.persistence.jdbc.password", settings.password());
        }
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        // the refusals these tests provoke on purpose would otherwise be logged as warnings
        properties.put("eclipselink.logging.level", "SEVERE");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("openenvelope", properties);
        factory.createEntityManager().close(); // EclipseLink deploys lazily: fail here, not in the first test
        return factory;
    }

    // ---- migrations ----

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndRunOnlyOnce() throws SQLException {
        assertTrue(migration.success, database.describe());
        assertNull(migration.initialSchemaVersion, "the database was empty");
        assertTrue(migration.migrationsExecuted > 0);

        MigrateResult again = DatabaseMigration.applyMigrations(ConfiguredDataSource.open(database.settings()));
        assertEquals(0, again.migrationsExecuted);
        assertEquals(migration.targetSchemaVersion, again.initialSchemaVersion);
    }

    // ---- accounts ----

    @Test
    void accountsRoundTrip() {
        String name = "A".repeat(Account.NAME_MAX_LENGTH);
        Account account = persist(new Account(newAccountNumber(), name, T0));
        assertNotNull(account.getId(), "the id is assigned from account_id_seq");

        Account loaded = read(em -> em.find(Account.class, account.getId()));
        assertEquals(account.getNumber(), loaded.getNumber());
        assertEquals(name, loaded.getName());
        assertEquals(AccountStatus.ACTIVE, loaded.getStatus());
        assertEquals(T0, loaded.getCreatedAt());

        assertEquals(account.getId(), read(em -> em.createNamedQuery(Account.BY_NUMBER, Account.class)
                .setParameter("number", account.getNumber()).getSingleResult().getId()));
    }

    @Test
    void accountChangesAreSavedAndVersioned() {
        Account account = persist(newAccount());
        long versionBefore = accountVersion(account.getId());

        inTransaction(em -> {
            Account managed = em.find(Account.class, account.getId());
            managed.rename("Renamed Ltd");
            managed.suspend();
        });

        Account loaded = read(em -> em.find(Account.class, account.getId()));
        assertEquals("Renamed Ltd", loaded.getName());
        assertEquals(AccountStatus.SUSPENDED, loaded.getStatus());
        assertEquals(versionBefore + 1, accountVersion(account.getId()));
    }

    @Test
    void aConcurrentChangeToTheSameAccountIsRefused() {
        Account account = persist(newAccount());
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            first.find(Account.class, account.getId()).rename("First");
            second.find(Account.class, account.getId()).rename("Second");
            first.getTransaction().commit();

            RollbackException refused = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
            assertInstanceOf(OptimisticLockException.class, refused.getCause());
        } finally {
            first.close();
            second.close();
        }
        assertEquals("First", read(em -> em.find(Account.class, account.getId())).getName());
    }

    // ---- profile entries ----

    @Test
    void profileEntriesRoundTrip() {
        Account account = persist(newAccount());
        String domain = unique("bücher") + ".example";
        String address = "Info.Desk@" + unique("mail") + ".example";
        ProfileEntry domainEntry = persist(
                new ProfileEntry(account, ProfileEntryType.DOMAIN, domain, "root@example.com", T0, TOKEN));
        ProfileEntry addressEntry = persist(
                new ProfileEntry(account, ProfileEntryType.EMAIL_ADDRESS, address, "root@example.com", T0, TOKEN));
        assertNotNull(domainEntry.getId());

        List<ProfileEntry> loaded = read(em -> em.createNamedQuery(ProfileEntry.BY_ACCOUNT, ProfileEntry.class)
                .setParameter("account", em.find(Account.class, account.getId())).getResultList());
        assertEquals(List.of(domainEntry.getId(), addressEntry.getId()), loaded.stream().map(ProfileEntry::getId).toList());

        ProfileEntry loadedDomain = loaded.get(0);
        assertEquals(ProfileEntryType.DOMAIN, loadedDomain.getType());
        assertTrue(loadedDomain.getValue().startsWith("xn--"), loadedDomain.getValue());
        assertEquals(domainEntry.getValue(), loadedDomain.getValue());
        assertEquals(account.getId(), loadedDomain.getAccount().getId());
        assertEquals("root@example.com", loadedDomain.getCreatedBy());
        assertEquals(T0, loadedDomain.getCreatedAt());
        assertEquals(address.toLowerCase(Locale.ROOT), loaded.get(1).getValue());

        assertFalse(loadedDomain.isVerified());
        assertTrue(verifiedOwners(domainEntry.getValue()).isEmpty(), "an unverified claim routes nothing");
        inTransaction(em -> em.find(ProfileEntry.class, domainEntry.getId()).verify(DomainVerification.DNS, "root@example.com", T0));
        List<ProfileEntry> byValue = verifiedOwners(domainEntry.getValue());
        assertEquals(1, byValue.size());
        assertEquals(account.getNumber(), byValue.get(0).getAccount().getNumber());
        assertEquals(DomainVerification.DNS, byValue.get(0).getVerification());
    }

    private List<ProfileEntry> verifiedOwners(String domain) {
        return read(em -> em.createNamedQuery(ProfileEntry.VERIFIED_BY_VALUES, ProfileEntry.class)
                .setParameter("type", ProfileEntryType.DOMAIN)
                .setParameter("values", List.of(domain, "not-there.example"))
                .getResultList());
    }

    @Test
    void theDatabaseLetsAVerifiedDomainBelongToOneAccountOnly() {
        String domain = unique("claimed") + ".example";
        Account first = persist(newAccount());
        Account second = persist(newAccount());
        ProfileEntry firstClaim = persist(new ProfileEntry(first, ProfileEntryType.DOMAIN, domain, "root@example.com", T0, TOKEN));
        ProfileEntry secondClaim = persist(new ProfileEntry(second, ProfileEntryType.DOMAIN, domain.toUpperCase(Locale.ROOT),
                "root@example.com", T0, TOKEN));
        assertTrue(violation(() -> persist(new ProfileEntry(first, ProfileEntryType.DOMAIN, domain, "root@example.com", T0,
                TOKEN))).contains("profile_entry_account_value_unique"), "one claim per account");

        inTransaction(em -> em.find(ProfileEntry.class, firstClaim.getId()).verify(DomainVerification.DNS, "a", T0));
        String violation = violation(() -> inTransaction(em -> em.find(ProfileEntry.class, secondClaim.getId())
                .verify(DomainVerification.ADMINISTRATOR, "b", T0)));
        assertTrue(violation.contains("profile_entry_verified_unique"), violation);

        assertEquals(List.of(first.getNumber()), verifiedOwners(domain).stream().map(e -> e.getAccount().getNumber()).toList());
    }

    private static String violation(Runnable commit) {
        return uniqueViolation(commit).getMessage().toLowerCase(Locale.ROOT);
    }

    // ---- administrators ----

    @Test
    void administratorsRoundTrip() {
        Account account = persist(newAccount());
        String email = unique("ada") + "@example.com";
        String hash = "PBKDF2WithHmacSHA512:210000:" + "s".repeat(44) + ":" + "h".repeat(44);
        Administrator administrator = Administrator.forAccount(account, email, "Ada Lovelace", hash, T0);
        for (int i = 0; i < 5; i++) {
            administrator.recordFailedSignIn(T0);
        }
        persist(administrator);
        Administrator service = persist(Administrator.forService(unique("root") + "@example.com",
                "Service administrator", hash, false, T0));

        Administrator loaded = read(em -> em.createNamedQuery(Administrator.BY_EMAIL, Administrator.class)
                .setParameter("email", email).getSingleResult());
        assertEquals(administrator.getId(), loaded.getId());
        assertEquals("Ada Lovelace", loaded.getDisplayName());
        assertEquals(AdministratorRole.ACCOUNT, loaded.getRole());
        assertEquals(account.getId(), loaded.getAccount().getId());
        assertEquals(hash, loaded.getPasswordHash());
        assertTrue(loaded.isMustChangePassword());
        assertEquals(5, loaded.getFailedSignIns());
        assertEquals(T0.plus(Duration.ofMinutes(1)), loaded.getLockedUntil());
        assertNull(loaded.getLastSignInAt());
        assertEquals(T0, loaded.getCreatedAt());

        Instant later = T0.plus(Duration.ofMinutes(2));
        inTransaction(em -> {
            Administrator managed = em.find(Administrator.class, administrator.getId());
            managed.recordSuccessfulSignIn(later);
            managed.changePassword("new-" + hash, later);
        });
        Administrator signedIn = read(em -> em.find(Administrator.class, administrator.getId()));
        assertEquals(0, signedIn.getFailedSignIns());
        assertNull(signedIn.getLockedUntil());
        assertEquals(later, signedIn.getLastSignInAt());
        assertFalse(signedIn.isMustChangePassword());
        assertEquals("new-" + hash, signedIn.getPasswordHash());

        Administrator loadedService = read(em -> em.find(Administrator.class, service.getId()));
        assertEquals(AdministratorRole.SERVICE, loadedService.getRole());
        assertNull(loadedService.getAccount());
        assertFalse(loadedService.isMustChangePassword());

        read(em -> {
            Account managed = em.find(Account.class, account.getId());
            assertEquals(List.of(administrator.getId()), em.createNamedQuery(Administrator.BY_ACCOUNT, Administrator.class)
                    .setParameter("account", managed).getResultStream().map(Administrator::getId).toList());
            assertEquals(1L, em.createNamedQuery(Administrator.COUNT_BY_ACCOUNT, Long.class)
                    .setParameter("account", managed).getSingleResult());
            assertTrue(em.createNamedQuery(Administrator.COUNT_SERVICE, Long.class).getSingleResult() >= 1);
            return null;
        });
    }

    @Test
    void theDatabaseLetsAnEmailAddressSignInOneAdministratorOnly() {
        String email = unique("twice") + "@example.com";
        persist(Administrator.forService(email, null, "hash", false, T0));
        Account account = persist(newAccount());

        SQLException violation = uniqueViolation(
                () -> persist(Administrator.forAccount(account, email, null, "hash", T0)));
        assertTrue(violation.getMessage().toLowerCase(Locale.ROOT).contains("administrator_email_unique"),
                violation.getMessage());
    }

    // ---- API tokens ----

    @Test
    void apiTokensRoundTrip() {
        Account account = persist(newAccount());
        TokenSecret secret = TokenSecret.generate();
        String name = "T".repeat(ApiToken.NAME_MAX_LENGTH);
        ApiToken token = persist(new ApiToken(account, name, secret, "ada@example.com", T0, null, false));
        ApiToken serviceToken = persist(new ApiToken(null, "Monitoring", TokenSecret.generate(), "root@example.com", T0, null, false));

        Instant used = T0.plus(Duration.ofHours(1));
        Instant revoked = T0.plus(Duration.ofHours(2));
        inTransaction(em -> {
            ApiToken managed = em.find(ApiToken.class, token.getId());
            managed.recordUse(used);
            managed.revoke("root@example.com", revoked);
        });

        ApiToken loaded = read(em -> em.createNamedQuery(ApiToken.BY_SECRET_HASH, ApiToken.class)
                .setParameter("hash", secret.hash()).getSingleResult());
        assertEquals(token.getId(), loaded.getId());
        assertEquals(name, loaded.getName());
        assertEquals(secret.prefix(), loaded.getSecretPrefix());
        assertEquals(account.getNumber(), loaded.getAccount().getNumber());
        assertEquals("ada@example.com", loaded.getCreatedBy());
        assertEquals(T0, loaded.getCreatedAt());
        assertEquals(used, loaded.getLastUsedAt());
        assertEquals(revoked, loaded.getRevokedAt());
        assertEquals("root@example.com", loaded.getRevokedBy());
        assertTrue(loaded.isRevoked());

        read(em -> {
            assertEquals(List.of(token.getId()), em.createQuery("select t.id from ApiToken t where t.account = :account",
                    Long.class).setParameter("account", em.find(Account.class, account.getId())).getResultList());
            List<Long> serviceTokens = em.createQuery("select t.id from ApiToken t where t.account is null", Long.class)
                    .getResultList();
            assertTrue(serviceTokens.contains(serviceToken.getId()), serviceTokens.toString());
            assertFalse(serviceTokens.contains(token.getId()));
            return null;
        });
        assertNull(read(em -> em.find(ApiToken.class, serviceToken.getId())).getAccount());
    }

    // ---- audit events ----

    @Test
    void auditEventsRoundTrip() {
        String detail = "d".repeat(AuditEvent.DETAIL_MAX_LENGTH);
        String actor = "a".repeat(242) + "@example.com";
        AuditEvent event = persist(new AuditEvent(T0, actor, "12345674", "administrator.password-changed", detail,
                "2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        AuditEvent system = persist(new AuditEvent(T0, "system", null, "service-administrator.created", "Created", null));

        AuditEvent loaded = read(em -> em.find(AuditEvent.class, event.getId()));
        assertEquals(T0, loaded.getOccurredAt());
        assertEquals(actor, loaded.getActor());
        assertEquals("12345674", loaded.getAccountNumber());
        assertEquals("administrator.password-changed", loaded.getAction());
        assertEquals(detail, loaded.getDetail());
        assertEquals("2001:db8:85a3:8d3:1319:8a2e:370:7348", loaded.getSourceAddress());

        AuditEvent loadedSystem = read(em -> em.find(AuditEvent.class, system.getId()));
        assertNull(loadedSystem.getAccountNumber());
        assertNull(loadedSystem.getSourceAddress());
    }

    // ---- SAML federation, users, user-portal sessions ----

    @Test
    void serviceProvidersKeepTheirKeysThroughARollover() {
        Account account = persist(newAccount());
        X509Certificate first = SelfSignedCertificates.generate("first", T0, Duration.ofDays(365)).getEntityCertificate();
        X509Certificate second = SelfSignedCertificates.generate("second", T0, Duration.ofDays(730)).getEntityCertificate();
        ServiceProvider provider = new ServiceProvider(account);
        provider.changeEntityId("urn:example:" + unique("sp"));
        provider.addKey(KeyOrigin.GENERATED, first, "v1:encrypted-first", T0);
        persist(provider);

        Instant later = T0.plus(Duration.ofDays(1));
        inTransaction(em -> em.find(ServiceProvider.class, provider.getId()).addKey(KeyOrigin.UPLOADED, second, "v1:encrypted-second", later));
        inTransaction(em -> em.find(ServiceProvider.class, provider.getId()).activateNextKey(later));

        ServiceProvider loaded = read(em -> em.createNamedQuery(ServiceProvider.OF_ACCOUNT, ServiceProvider.class)
                .setParameter("account", em.find(Account.class, account.getId())).getSingleResult());
        assertTrue(loaded.hasCustomEntityId());
        assertEquals(List.of(KeyStatus.PREVIOUS, KeyStatus.ACTIVE), loaded.getKeys().stream().map(ServiceProviderKey::getStatus).toList());
        ServiceProviderKey active = loaded.activeKey().orElseThrow();
        assertEquals(second, active.certificate());
        assertEquals(KeyOrigin.UPLOADED, active.getOrigin());
        assertEquals("v1:encrypted-second", active.getEncryptedPrivateKey());
        assertEquals(Certificates.fingerprint(second), active.getFingerprint());
        assertEquals(second.getNotAfter().toInstant(), active.getNotAfter());
        assertEquals(later, active.getActivatedAt());
        assertEquals(2, loaded.publishedKeys().size());
    }

    @Test
    void identityProvidersRoundTripWithEveryTrustedCertificate() {
        Account account = persist(newAccount());
        X509Certificate current = SelfSignedCertificates.generate("idp", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        X509Certificate next = SelfSignedCertificates.generate("idp next", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        IdentityProviderSettings settings = new IdentityProviderSettings("https://idp.example/" + unique("realm"),
                "https://idp.example/sso", SamlBinding.HTTP_POST, false, "https://idp.example/slo", SamlBinding.HTTP_REDIRECT,
                90, true, false, true, "mail", FederationIdSource.ATTRIBUTE, "uid", List.of(current, next));
        IdentityProvider provider = persist(IdentityProvider.draft(account, "primary", T0, settings, "ada@example.com", T0));

        IdentityProvider loaded = read(em -> em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", em.find(Account.class, account.getId())).setParameter("name", "primary")
                .setParameter("stage", IdpStage.DRAFT)
                .getSingleResult());
        assertEquals(provider.getId(), loaded.getId());
        assertEquals(settings, loaded.settings());
        assertFalse(loaded.settings().signAuthnRequests());
        assertEquals(List.of(current, next), loaded.trustedCertificates());
        assertEquals("ada@example.com", loaded.getUpdatedBy());
        assertEquals(T0, loaded.getUpdatedAt());

        inTransaction(em -> em.find(IdentityProvider.class, provider.getId()).configure(new IdentityProviderSettings(
                settings.entityId(), settings.ssoUrl(), SamlBinding.HTTP_REDIRECT, true, null, null, 60, false, false, false,
                null, null, null, List.of(next)), "bob@example.com", T0));
        assertEquals(List.of(next), read(em -> em.find(IdentityProvider.class, provider.getId())).trustedCertificates());

        IdentityProvider active = persist(IdentityProvider.activeFrom(read(em -> em.find(IdentityProvider.class,
                provider.getId())), "bob@example.com", T0));
        assertEquals(IdpStage.ACTIVE, read(em -> em.find(IdentityProvider.class, active.getId())).getStage());
        SQLException second = uniqueViolation(() -> persist(IdentityProvider.draft(account, "primary", T0, settings, "x", T0)));
        assertTrue(second.getMessage().toLowerCase(Locale.ROOT).contains("identity_provider_name_stage_unique"), second.getMessage());
        // another name is another identity provider of the same account, with its own draft
        IdentityProvider other = persist(IdentityProvider.draft(account, "entra-emea", T0.plusSeconds(1), settings, "x", T0));
        assertEquals(List.of("primary", "primary", "entra-emea"), read(em -> em.createNamedQuery(IdentityProvider.ALL_OF_ACCOUNT,
                IdentityProvider.class).setParameter("account", em.find(Account.class, account.getId())).getResultList())
                .stream().map(IdentityProvider::getName).toList());
        assertEquals(T0.plusSeconds(1), read(em -> em.find(IdentityProvider.class, other.getId())).getCreatedAt());
    }

    @Test
    void metadataSubscriptionsUserPasswordsAndMicrosoftConnectionsRoundTrip() {
        Account account = persist(newAccount());
        X509Certificate signing = SelfSignedCertificates.generate("idp", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        X509Certificate anchor = SelfSignedCertificates.generate("anchor", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        IdentityProvider draft = IdentityProvider.draft(account, "primary", T0, new IdentityProviderSettings("https://idp.example/" + unique("url"),
                "https://idp.example/sso", SamlBinding.HTTP_POST, true, null, null, 60, false, false, false, null, null, null, List.of(signing)), "a", T0);
        draft.readFromMetadata(new MetadataSource("https://idp.example/metadata.xml", true, List.of(anchor), 12), "VERIFIED", null, true, T0);
        IdentityProvider active = persist(IdentityProvider.activeFrom(draft, "a", T0));
        inTransaction(em -> em.find(IdentityProvider.class, active.getId()).metadataRefreshFailed("unreachable", T0.plusSeconds(60)));
        IdentityProvider loaded = read(em -> em.find(IdentityProvider.class, active.getId()));
        assertEquals(new MetadataSource("https://idp.example/metadata.xml", true, List.of(anchor), 12), loaded.metadataSource());
        assertEquals("unreachable", loaded.getMetadataProblem());
        assertEquals(T0.plusSeconds(60), loaded.getMetadataCheckedAt());
        assertEquals(Boolean.TRUE, loaded.getMetadataWantsSignedRequests(), "what the metadata asked comes into force with it");

        AccountUser user = persist(new AccountUser(account, "carol@example.com", UserOrigin.ADMINISTRATOR, "a", T0));
        inTransaction(em -> em.find(AccountUser.class, user.getId()).password().set("pbkdf2-hash", true, T0));
        inTransaction(em -> em.find(AccountUser.class, user.getId()).password().recordFailure(T0));
        AccountUser withPassword = read(em -> em.find(AccountUser.class, user.getId()));
        assertEquals("pbkdf2-hash", withPassword.password().getPasswordHash());
        assertTrue(withPassword.password().isMustChangePassword());
        assertEquals(1, withPassword.password().getFailedSignIns());
        assertFalse(persist(new AccountUser(account, "dan@example.com", UserOrigin.ADMINISTRATOR, "a", T0)).password().isSet());

        String digest = (unique("session") + "0".repeat(64)).substring(0, 64);
        persist(WebsafeSession.withPassword(digest, withPassword, T0, T0.plusSeconds(3600)));
        assertFalse(read(em -> em.find(WebsafeSession.class, digest)).isFederated());

        MicrosoftConnection connection = persist(MicrosoftConnection.create(account, "contoso.onmicrosoft.com",
                "b2a6e0b7-1f5f-4b8e-9a77-0c1d2e3f4a5b", "Qx8Q~secret", (secret, purpose) -> "v1:sealed", "a", T0));
        MicrosoftConnection stored = read(em -> em.createNamedQuery(MicrosoftConnection.OF_ACCOUNT, MicrosoftConnection.class)
                .setParameter("account", em.find(Account.class, account.getId())).getSingleResult());
        assertEquals(connection.getId(), stored.getId());
        assertEquals("v1:sealed", stored.getSealedSecret());
        assertEquals("Qx8…", stored.getSecretHint());
    }

    @Test
    void aMasterKeyRotationReSealsEveryStoredSecretUnderTheNewKey() {
        byte[] oldKey = new byte[SecretBox.KEY_BYTES];
        byte[] newKey = new byte[SecretBox.KEY_BYTES];
        oldKey[0] = 1;
        newKey[0] = 2;
        SecretBox before = new SecretBox(oldKey);
        Account account = persist(newAccount());
        byte[] privateKey = "pkcs8 bytes".getBytes(StandardCharsets.UTF_8);
        X509Certificate certificate = SelfSignedCertificates.generate("sp", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        ServiceProvider provider = new ServiceProvider(account);
        provider.addKey(KeyOrigin.GENERATED, certificate, before.seal(privateKey, ServiceProviderKey.secretPurpose(account)), T0);
        persist(provider);
        MicrosoftConnection connection = persist(MicrosoftConnection.create(account, "contoso.onmicrosoft.com",
                "b2a6e0b7-1f5f-4b8e-9a77-0c1d2e3f4a5b", "Qx8Q~rotated.secret",
                (secret, purpose) -> before.seal(secret.getBytes(StandardCharsets.UTF_8), purpose), "a", T0));

        SecretBox rotated = new SecretBox(newKey, List.of(oldKey));
        inTransaction(em -> assertTrue(SecretRotation.resealAll(SEALED_SECRETS, em, rotated) >= 2));

        SecretBox newOnly = new SecretBox(newKey);
        ServiceProviderKey key = read(em -> em.find(ServiceProvider.class, provider.getId()).getKeys().get(0));
        assertTrue(newOnly.isSealedWithCurrentKey(key.getEncryptedPrivateKey()));
        assertArrayEquals(privateKey, newOnly.open(key.getEncryptedPrivateKey(), ServiceProviderKey.secretPurpose(account)));
        String secret = read(em -> em.find(MicrosoftConnection.class, connection.getId())).getSealedSecret();
        assertEquals("Qx8Q~rotated.secret", new String(newOnly.open(secret, MicrosoftConnection.secretPurpose(account)),
                StandardCharsets.UTF_8), "opens without the previous key now");
        inTransaction(em -> SecretRotation.resealAll(SEALED_SECRETS, em, rotated));
        assertEquals(secret, read(em -> em.find(MicrosoftConnection.class, connection.getId())).getSealedSecret(),
                "a second run changes nothing");
    }

    @Test
    void ssoTestsRememberWhichDraftVersionTheyTested() {
        Account account = persist(newAccount());
        X509Certificate certificate = SelfSignedCertificates.generate("idp", T0.minus(Duration.ofDays(1)), Duration.ofDays(365)).getEntityCertificate();
        IdentityProvider draft = persist(IdentityProvider.draft(account, "duo", T0, new IdentityProviderSettings("urn:idp:" + unique("t"),
                "https://idp.example/sso", SamlBinding.HTTP_REDIRECT, true, null, null, 60, false, false, false, null, null, null,
                List.of(certificate)), "ada", T0));
        SsoTest test = persist(new SsoTest(read(em -> em.find(IdentityProvider.class, draft.getId())), "k".repeat(40), "ada", T0));
        inTransaction(em -> {
            SsoTest run = em.find(SsoTest.class, test.getId());
            run.received("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", List.of("urn:oid:0.9.2342.19200300.100.1.1", "mail"));
            run.passed("Issuer: urn:idp\nNameID: a@b.example", T0.plusSeconds(5));
        });

        SsoTest loaded = read(em -> em.createNamedQuery(SsoTest.LATEST_OF_IDENTITY_PROVIDER, SsoTest.class)
                .setParameter("account", em.find(Account.class, account.getId())).setParameter("name", "duo")
                .getResultList().get(0));
        assertEquals("duo", loaded.getIdentityProviderName());
        assertEquals(SsoTestOutcome.PASSED, loaded.getOutcome());
        assertEquals(List.of("Issuer: urn:idp", "NameID: a@b.example"), loaded.getAssertionSummary().lines().toList());
        assertEquals(List.of("urn:oid:0.9.2342.19200300.100.1.1", "mail"), loaded.getReceivedAttributes());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", loaded.getReceivedNameIdFormat());
        assertTrue(loaded.tested(read(em -> em.find(IdentityProvider.class, draft.getId()))));
        assertTrue(loaded.opensWith("k".repeat(40)));
        assertFalse(loaded.opensWith("j".repeat(40)));

        inTransaction(em -> em.find(IdentityProvider.class, draft.getId()).configure(new IdentityProviderSettings(
                "urn:idp:changed", "https://idp.example/sso", SamlBinding.HTTP_REDIRECT, true, null, null, 90, false, false,
                false, null, null, null, List.of(certificate)), "ada", T0.plusSeconds(10)));
        assertFalse(loaded.tested(read(em -> em.find(IdentityProvider.class, draft.getId()))), "the draft changed");
    }

    @Test
    void accountsRememberTheirAuthenticationMethod() {
        Account account = persist(newAccount());
        assertEquals(AuthenticationMethod.PASSWORD, read(em -> em.find(Account.class, account.getId())).getAuthenticationMethod());
        inTransaction(em -> em.find(Account.class, account.getId()).useSingleSignOn());
        assertEquals(AuthenticationMethod.SAML, read(em -> em.find(Account.class, account.getId())).getAuthenticationMethod());
    }

    @Test
    void usersAreUniquePerAccountByTheirCaseSensitiveFederationId() {
        Account account = persist(newAccount());
        String name = unique("Alice") + "@example.com";
        AccountUser alice = persist(new AccountUser(account, name, UserOrigin.ADMINISTRATOR, "ada@example.com", T0));
        persist(new AccountUser(account, name.toLowerCase(Locale.ROOT), UserOrigin.JUST_IN_TIME, "sso", T0));
        persist(new AccountUser(persist(newAccount()), name, UserOrigin.ADMINISTRATOR, "ada@example.com", T0));

        SQLException violation = uniqueViolation(() -> persist(new AccountUser(account, name, UserOrigin.ADMINISTRATOR, "x", T0)));
        assertTrue(violation.getMessage().toLowerCase(Locale.ROOT).contains("account_user_federation_id_unique"), violation.getMessage());

        AccountUser loaded = read(em -> em.createNamedQuery(AccountUser.BY_FEDERATION_ID, AccountUser.class)
                .setParameter("account", em.find(Account.class, account.getId())).setParameter("federationId", name)
                .getSingleResult());
        assertEquals(alice.getId(), loaded.getId());
        assertEquals(UserOrigin.ADMINISTRATOR, loaded.getOrigin());
    }

    @Test
    void anOutstandingRequestIsAnsweredOnceAndOnlyBeforeItExpires() {
        Account account = persist(newAccount());
        String id = "_" + unique("request");
        persist(new OutstandingRequest(id, account, RequestPurpose.LOGOUT, "primary", T0, T0.plus(Duration.ofMinutes(10))));

        assertEquals(0, answer(account, id, RequestPurpose.SIGN_IN, T0.plusSeconds(1)), "another purpose");
        assertEquals(0, answer(account, id, RequestPurpose.LOGOUT, T0.plus(Duration.ofMinutes(11))), "expired");
        assertEquals(1, answer(account, id, RequestPurpose.LOGOUT, T0.plusSeconds(1)));
        assertEquals(0, answer(account, id, RequestPurpose.LOGOUT, T0.plusSeconds(2)), "already answered");
    }

    private int answer(Account account, String id, RequestPurpose purpose, Instant now) {
        int[] updated = new int[1];
        inTransaction(em -> updated[0] = em.createNamedQuery(OutstandingRequest.ANSWER).setParameter("id", id)
                .setParameter("account", em.find(Account.class, account.getId())).setParameter("purpose", purpose)
                .setParameter("now", now).executeUpdate());
        return updated[0];
    }

    @Test
    void theDatabaseRemembersEachAssertionOnce() {
        String key = "k".repeat(40) + unique("x");
        persist(new SeenAssertion(key, T0));
        uniqueViolation(() -> persist(new SeenAssertion(key, T0)));
    }

    @Test
    void userPortalSessionsRememberHowTheIdentityProviderNamedTheUser() {
        Account account = persist(newAccount());
        AccountUser user = persist(new AccountUser(account, unique("bob") + "@example.com", UserOrigin.ADMINISTRATOR, "ada", T0));
        String key = "s".repeat(40) + unique("k");
        persist(new WebsafeSession(key, user, "primary", "bob-transient-1", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                "https://idp.example", "urn:example:sp", "_index-1", T0, T0.plus(Duration.ofHours(8))));

        List<WebsafeSession> active = read(em -> em.createNamedQuery(WebsafeSession.ACTIVE_BY_NAME_ID, WebsafeSession.class)
                .setParameter("account", em.find(Account.class, account.getId())).setParameter("nameId", "bob-transient-1")
                .getResultList());
        assertEquals(1, active.size());
        assertEquals("_index-1", active.get(0).getSessionIndex());
        assertEquals("https://idp.example", active.get(0).getNameQualifier());
        assertEquals(user.getId(), active.get(0).getUser().getId());

        inTransaction(em -> em.find(WebsafeSession.class, key).end("idp-logout", T0.plusSeconds(5)));
        WebsafeSession ended = read(em -> em.find(WebsafeSession.class, key));
        assertFalse(ended.isActiveAt(T0.plusSeconds(6)));
        assertEquals(T0.plus(Duration.ofHours(8)), ended.getExpiresAt());
        assertEquals("idp-logout", ended.getEndReason());
    }

    @Test
    void addinSessionsAndFlowSummariesRoundTrip() {
        Account account = persist(newAccount());
        AccountUser user = persist(new AccountUser(account, unique("erin") + "@example.com", UserOrigin.ADMINISTRATOR, "ada", T0));
        String digest = "d".repeat(40) + unique("s");
        persist(new AddinSession(digest, user, user.getFederationId(), AuthenticationMethod.SAML, T0, T0.plus(Duration.ofDays(7))));
        AddinSession session = read(em -> em.find(AddinSession.class, digest));
        assertEquals(AuthenticationMethod.SAML, session.getSignedInWith());
        assertEquals(T0.plus(Duration.ofDays(7)), session.getExpiresAt());
        assertEquals(user.getId(), session.getUser().getId());

        EncryptionFlow flow = persist(new EncryptionFlow(user, user.getFederationId(), EncryptionType.FLAG, T0));
        inTransaction(em -> em.find(EncryptionFlow.class, flow.getId()).failed(FlowStepName.FLAGGED, "addin_failed",
                "Outlook did not change the subject", T0.plusSeconds(2)));
        EncryptionFlow loaded = read(em -> em.createNamedQuery(EncryptionFlow.BY_PUBLIC_ID, EncryptionFlow.class)
                .setParameter("publicId", flow.getPublicId()).getSingleResult());
        assertEquals(List.of(FlowStepName.INITIATED, FlowStepName.AUTHENTICATED, FlowStepName.FLAGGED),
                loaded.getSteps().stream().map(FlowStep::getStep).toList(), "in their order");
        assertTrue(loaded.getSteps().get(2).isFailed());
        assertEquals(T0.plusSeconds(2), loaded.getSteps().get(2).getReachedAt());
        assertEquals("Outlook did not change the subject", loaded.getSteps().get(2).getDetail());
        assertEquals(EncryptionFlow.Outcome.FAILED, loaded.getOutcome());

        inTransaction(em -> {
            assertEquals(1, em.createNamedQuery(AddinSession.PURGE).setParameter("before", T0.plus(Duration.ofDays(8))).executeUpdate());
            assertEquals(1, em.createNamedQuery(EncryptionFlow.PURGE).setParameter("before", T0.plusSeconds(1)).executeUpdate());
        });
        assertNull(read(em -> em.find(EncryptionFlow.class, flow.getId())));
    }

    // ---- ids ----

    @Test
    void idsComeFromTheSequencesInBlocksThatNeverOverlap() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 60; i++) { // more than one block of 50
            ids.add(persist(auditEvent()).getId());
        }
        assertEquals(60, ids.size());
        assertTrue(ids.stream().allMatch(id -> id > 0), ids.toString());

        // a second server (or this one after a restart) takes the next block from the same sequence
        EntityManagerFactory restarted = boot();
        try {
            EntityManager em = restarted.createEntityManager();
            AuditEvent event = auditEvent();
            em.getTransaction().begin();
            em.persist(event);
            em.getTransaction().commit();
            em.close();
            assertTrue(event.getId() > ids.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    event.getId() + " after " + ids);
        } finally {
            restarted.close();
        }
        assertFalse(ids.contains(persist(auditEvent()).getId()));
    }

    // ---- fixtures and helpers ----

    private String newAccountNumber() {
        return AccountNumber.generate(numbers);
    }

    private Account newAccount() {
        return new Account(newAccountNumber(), "Example " + ++uniqueCounter, T0);
    }

    private AuditEvent auditEvent() {
        return new AuditEvent(T0, "test", null, "account.created", "id test", null);
    }

    /** A name no other test of this class uses, so tests do not depend on each other's data. */
    private String unique(String stem) {
        return stem + "-" + ++uniqueCounter;
    }

    private <T> T persist(T entity) {
        inTransaction(em -> em.persist(entity));
        return entity;
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Reads in a new persistence context with nothing cached, so what comes back comes from the database. */
    private <T> T read(Function<EntityManager, T> work) {
        emf.getCache().evictAll();
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private long accountVersion(long id) {
        return read(em -> ((Number) em.createNativeQuery("select version from account where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    /** Runs a commit that must break a unique constraint, and returns the database's report of it. */
    private static SQLException uniqueViolation(Runnable commit) {
        RollbackException refused = assertThrows(RollbackException.class, commit::run);
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = refused; cause != null && !chain.contains(cause); ) {
            chain.add(cause);
            if (cause instanceof SQLException sql) {
                assertEquals(UNIQUE_VIOLATION, sql.getSQLState(), sql.getMessage());
                return sql;
            }
            cause = cause instanceof EclipseLinkException eclipseLink && eclipseLink.getInternalException() != null
                    ? eclipseLink.getInternalException()
                    : cause.getCause();
        }
        return fail("no SQLException among " + chain);
    }
}
