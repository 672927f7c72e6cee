package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.Account;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.keys.TestCertificateAuthority;
import org.openenvelope.saml.metadata.IdpMetadataFixture;
import org.openenvelope.saml.metadata.MetadataFetcher;
import org.openenvelope.saml.metadata.MetadataTrust;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MetadataServer;
import org.openenvelope.testing.MovableClock;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * IdP metadata from an https URL: import into the draft, and the scheduled refresh of the configuration in force
 * (new signing keys and endpoints applied, documents that fail the checks applied never), against an https server
 * on loopback with a certificate from a test CA that the service trusts through its metadata trust store.
 */
@ExtendWith(ArquillianExtension.class)
class MetadataUrlIT {

    private static final BasicX509Credential SIGNER = SelfSignedCertificates.generate("login.microsoftonline.example",
            Instant.now().minusSeconds(60), Duration.ofDays(365));
    private static final BasicX509Credential NEXT_SIGNER = SelfSignedCertificates.generate("login.microsoftonline.example next",
            Instant.now().minusSeconds(60), Duration.ofDays(365));
    private static final BasicX509Credential STRANGER = SelfSignedCertificates.generate("stranger.example",
            Instant.now().minusSeconds(60), Duration.ofDays(365));

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs().addClasses(MovableClock.class, MetadataServer.class,
                TestCertificateAuthority.class, IdpMetadataFixture.class);
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    IdentityProviderService identityProviders;

    @Inject
    SsoActivation activation;

    @Inject
    MetadataRefresher refresher;

    @Inject
    AuditTrail audit;

    @Inject
    MovableClock clock;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    private final TestCertificateAuthority ca = new TestCertificateAuthority();
    private MetadataServer server;
    private String account;
    private String tenant;

    @BeforeEach
    void startTheIdpsMetadataUrl() {
        // The container's openenvelope.saml.metadata.trust-store (set by the build for every test container)
        MetadataServer.trust(Path.of(System.getenv("OPENENVELOPE_SAML_METADATA_TRUST_STORE")), ca.certificate());
        server = MetadataServer.start(ca);
        account = callers.newAccount("Metadata URL").number();
        tenant = Fixtures.unique("tenant");
        acting.actAs(callers.administratorOf(account));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private byte[] entra(BasicX509Credential signedBy, BasicX509Credential... signing) {
        return IdpMetadataFixture.entra(tenant, java.util.Arrays.stream(signing).map(BasicX509Credential::getEntityCertificate)
                .toArray(java.security.cert.X509Certificate[]::new)).signedBy(signedBy).build();
    }

    /** Entra-shaped metadata whose IDPSSODescriptor says WantAuthnRequestsSigned="{@code want}" (null: says nothing). */
    private byte[] entraWanting(String want, BasicX509Credential signedBy, BasicX509Credential signing) {
        return IdpMetadataFixture.entra(tenant, signing.getEntityCertificate()).wantAuthnRequestsSigned(want)
                .signedBy(signedBy).build();
    }

    private String entityId() {
        return "https://sts.windows.net/" + tenant + "/";
    }

    /** What Enable SSO does after a passed test (tested over HTTP elsewhere): the draft comes into force. */
    private void putTheDraftInForce() throws Exception {
        transaction.begin();
        Account owner = em.createNamedQuery(Account.BY_NUMBER, Account.class).setParameter("number", account).getSingleResult();
        IdentityProvider draft = em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", owner).setParameter("name", IdentityProvider.FIRST_NAME)
                .setParameter("stage", IdpStage.DRAFT).getSingleResult();
        List<IdentityProvider> active = em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", owner).setParameter("name", IdentityProvider.FIRST_NAME)
                .setParameter("stage", IdpStage.ACTIVE).getResultList();
        if (active.isEmpty()) {
            em.persist(IdentityProvider.activeFrom(draft, "test", clock.now()));
        } else {
            active.get(0).takeOver(draft, "test", clock.now());
        }
        em.remove(draft);
        transaction.commit();
    }

    private IdentityProviderView active() {
        return activation.status(account).active();
    }

    private List<String> auditDetails(String action) {
        return audit.accountEvents(account, 0, 50).items().stream().filter(e -> e.action().equals(action))
                .map(AuditEntry::detail).toList();
    }

    @Test
    void importsFromAnHttpsUrlAndKeepsTheConfigurationInForceCurrentOnSchedule() throws Exception {
        server.serve(entra(SIGNER, SIGNER));
        MetadataTrust pinned = MetadataTrust.moreSecure(List.of(SIGNER.getEntityCertificate()));

        MetadataPreview preview = identityProviders.previewIdentityProviderMetadataUrl(account, "primary", server.url().toString(), pinned, null,
                IdentityProviderOptions.KEEP);
        assertEquals(entityId(), preview.metadata().entityId());
        assertNull(activation.status(account).draft(), "a preview saves nothing");

        identityProviders.importIdentityProviderMetadataUrl(account, "primary", server.url().toString(), pinned, null, 6,
                IdentityProviderOptions.KEEP);
        IdentityProviderView draft = activation.status(account).draft();
        assertEquals(ConfigurationSource.METADATA_URL, draft.source());
        assertEquals(server.url().toString(), draft.metadataUrl());
        assertEquals(6, draft.metadataRefreshHours());
        putTheDraftInForce();

        // The IdP publishes its next signing key beside the current one, still signing with the pinned key.
        server.serve(entra(SIGNER, SIGNER, NEXT_SIGNER));
        int before = server.requests();
        refresher.refreshDue();
        assertEquals(before, server.requests(), "not due before 6 hours have passed");
        assertEquals(1, active().certificates().size());

        clock.advance(Duration.ofHours(7));
        refresher.refreshDue();
        assertEquals(2, active().certificates().size(), "the next signing key is trusted without anyone re-importing");
        assertNull(active().metadataProblem());
        String refreshed = auditDetails("saml.idp-metadata-refreshed").get(0);
        assertTrue(refreshed.contains("trusted certificates"), refreshed);

        // A document that is not signed by the pinned key is never applied; the configuration stays as it was.
        server.serve(entra(STRANGER, STRANGER));
        clock.advance(Duration.ofHours(7));
        refresher.refreshDue();
        assertEquals(2, active().certificates().size());
        assertTrue(active().metadataProblem().contains("neither pinned nor issued by a trusted CA"), active().metadataProblem());
        assertTrue(auditDetails("saml.idp-metadata-refresh-failed").get(0).contains("not applied"));

        // Nor one that describes another IdP.
        tenant = Fixtures.unique("other-tenant");
        server.serve(entra(SIGNER, SIGNER));
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        assertEquals(2, active().certificates().size());
        assertTrue(active().metadataProblem().contains("sts.windows.net"), active().metadataProblem());
    }

    @Test
    void theAccountsOwnChoicesAreSetAtImportAndChangedWithoutLosingTheImport() throws Exception {
        server.serve(entra(SIGNER, SIGNER));
        identityProviders.importIdentityProviderMetadataUrl(account, "primary", server.url().toString(), MetadataTrust.lessSecure(),
                null, 12, new IdentityProviderOptions(null, true, null, null, null, null, null, null));
        assertTrue(activation.status(account).draft().allowSha1(), "SHA-1 allowed at import");
        putTheDraftInForce();

        IdentityProviderView changed = identityProviders.changeIdentityProviderOptions(account, "primary",
                new IdentityProviderOptions(120, false, null, true, null, null, "uid", null));
        assertEquals(ConfigurationSource.METADATA_URL, changed.source(), "still imported, so still refreshed");
        assertEquals(server.url().toString(), changed.metadataUrl());
        assertEquals(12, changed.metadataRefreshHours());
        assertEquals(120, changed.clockSkewSeconds());
        assertFalse(changed.allowSha1());
        assertTrue(changed.justInTimeUsers());
        assertEquals(FederationIdSource.ATTRIBUTE, changed.federationIdSource());
        assertEquals(IdpStage.DRAFT, changed.stage(), "a change is a draft, tested before it is in force");
        assertEquals(1, active().certificates().size());
        assertTrue(active().certificates().get(0).pem().startsWith("-----BEGIN CERTIFICATE-----\n"));

        // the manual entry with the imported values unchanged only changes the choices, too
        IdentityProviderSettings sameIdentityProvider = new IdentityProviderSettings(changed.entityId(), changed.ssoUrl(),
                changed.ssoBinding(), changed.signAuthnRequests(), changed.sloUrl(), changed.sloBinding(), 30, false, false, false, null, null, null,
                identityProviders.trustedCertificates(account, "primary"));
        IdentityProviderView kept = identityProviders.configureIdentityProvider(account, "primary", sameIdentityProvider);
        assertEquals(ConfigurationSource.METADATA_URL, kept.source());
        assertEquals(30, kept.clockSkewSeconds());
        IdentityProviderView entered = identityProviders.configureIdentityProvider(account, "primary", new IdentityProviderSettings(
                changed.entityId(), "https://login.example/elsewhere", changed.ssoBinding(), true, changed.sloUrl(),
                changed.sloBinding(), 30, false, false, false, null, null, null, identityProviders.trustedCertificates(account, "primary")));
        assertEquals(ConfigurationSource.MANUAL, entered.source(), "another endpoint is a configuration entered by hand");
    }

    @Test
    void authnRequestsAreSignedAsTheMetadataAsksUnlessTheAdministratorChoosesToSign() throws Exception {
        String url = server.url().toString();
        MetadataTrust less = MetadataTrust.lessSecure();
        server.serve(entraWanting("true", SIGNER, SIGNER));
        assertTrue(identityProviders.previewIdentityProviderMetadataUrl(account, "primary", url, less, null,
                IdentityProviderOptions.KEEP).metadata().wantAuthnRequestsSigned());
        identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, less, null, 24, IdentityProviderOptions.KEEP);
        IdentityProviderView wanted = activation.status(account).draft();
        assertTrue(wanted.signAuthnRequests(), "WantAuthnRequestsSigned=\"true\": signed");
        assertEquals(Boolean.TRUE, wanted.metadataWantsSignedRequests());

        // never unsigned for an IdP that accepts only signed requests: not at import, not as an option, not by hand
        for (org.junit.jupiter.api.function.Executable turningSigningOff : List.<org.junit.jupiter.api.function.Executable>of(
                () -> identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, less, null, 24,
                        IdentityProviderOptions.signingAuthnRequests(false)),
                () -> identityProviders.previewIdentityProviderMetadataUrl(account, "primary", url, less, null,
                        IdentityProviderOptions.signingAuthnRequests(false)),
                () -> identityProviders.changeIdentityProviderOptions(account, "primary",
                        IdentityProviderOptions.signingAuthnRequests(false)),
                () -> identityProviders.configureIdentityProvider(account, "primary", new IdentityProviderSettings(
                        wanted.entityId(), wanted.ssoUrl(), wanted.ssoBinding(), false, wanted.sloUrl(), wanted.sloBinding(),
                        60, false, false, false, null, null, null, identityProviders.trustedCertificates(account, "primary"))))) {
            InvalidValueException refused = assertThrows(InvalidValueException.class, turningSigningOff);
            assertEquals("signAuthnRequests", refused.field());
            assertTrue(refused.getMessage().contains("its metadata says it accepts only signed requests"), refused.getMessage());
        }
        assertTrue(activation.status(account).draft().signAuthnRequests(), "nothing was saved");

        // false or absent: unsigned, the SAML default
        server.serve(entraWanting("false", SIGNER, SIGNER));
        MetadataPreview preview = identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, less, null, 24,
                IdentityProviderOptions.KEEP);
        assertTrue(preview.changes().contains("AuthnRequests signed true → false"), preview.changes().toString());
        assertFalse(activation.status(account).draft().signAuthnRequests());
        server.serve(entraWanting(null, SIGNER, SIGNER));
        identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, less, null, 24, IdentityProviderOptions.KEEP);
        IdentityProviderView absent = activation.status(account).draft();
        assertFalse(absent.signAuthnRequests(), "no WantAuthnRequestsSigned: unsigned");
        assertEquals(Boolean.FALSE, absent.metadataWantsSignedRequests());
        putTheDraftInForce();

        // a refresh follows the metadata: signed once it asks, unsigned again once it no longer does
        server.serve(entraWanting("true", SIGNER, SIGNER));
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        assertTrue(active().signAuthnRequests());
        assertTrue(auditDetails("saml.idp-metadata-refreshed").get(0).contains("AuthnRequests signed false → true"));
        server.serve(entraWanting(null, SIGNER, SIGNER));
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        assertFalse(active().signAuthnRequests());

        // ... but keeps an administrator's choice to sign
        identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, less, null, 24,
                IdentityProviderOptions.signingAuthnRequests(true));
        assertTrue(activation.status(account).draft().signAuthnRequests(), "the administrator's option overrides the metadata");
        putTheDraftInForce();
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        assertTrue(active().signAuthnRequests());
        assertTrue(auditDetails("saml.idp-metadata-refreshed").get(0).endsWith(": unchanged"));
    }

    @Test
    void aRefreshNowWithNothingChangedClearsTheLastProblem() throws Exception {
        server.serve(entra(SIGNER, SIGNER));
        identityProviders.importIdentityProviderMetadataUrl(account, "primary", server.url().toString(), MetadataTrust.lessSecure(), null, null,
                IdentityProviderOptions.KEEP);
        assertEquals(24, activation.status(account).draft().metadataRefreshHours(), "refreshed daily unless told otherwise");
        assertThrows(ConflictException.class, () -> identityProviders.refreshIdentityProviderMetadata(account, "primary"),
                "only the configuration in force is refreshed");
        putTheDraftInForce();

        server.serve("not xml".getBytes(StandardCharsets.UTF_8));
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        String problem = active().metadataProblem();
        assertTrue(problem != null && !problem.isBlank());

        server.serve(entra(SIGNER, SIGNER));
        identityProviders.refreshIdentityProviderMetadata(account, "primary");
        assertNull(active().metadataProblem());
        assertTrue(auditDetails("saml.idp-metadata-refreshed").get(0).endsWith(": unchanged"));
    }

    @Test
    void urlsThatAreNotHttpsOrPointWhereNoMetadataIsAreRefusedAndNothingIsSaved() {
        server.serve(entra(SIGNER, SIGNER));
        MetadataTrust less = MetadataTrust.lessSecure();
        assertUrlRefused("https://", "http://127.0.0.1:1/metadata.xml", less);
        assertUrlRefused("link-local", "https://169.254.169.254/latest/meta-data", less);
        assertUrlRefused("HTTP 404", server.base().resolve("nothing-here.xml").toString(), less);
        assertUrlRefused("user name or password", "https://user:secret@127.0.0.1/x", less);

        try (MetadataServer untrusted = MetadataServer.start(new TestCertificateAuthority())) {
            untrusted.serve(entra(SIGNER, SIGNER));
            assertUrlRefused("TLS certificate is not trusted", untrusted.url().toString(), less);
        }

        server.serve(IdpMetadataFixture.duo("x", SIGNER.getEntityCertificate()).build());
        InvalidValueException unsigned = assertThrows(InvalidValueException.class, () -> identityProviders
                .importIdentityProviderMetadataUrl(account, "primary", server.url().toString(),
                        MetadataTrust.moreSecure(List.of(SIGNER.getEntityCertificate())), null, 24, IdentityProviderOptions.KEEP));
        assertEquals("metadata", unsigned.field(), "more secure mode refuses unsigned metadata from a URL too");

        InvalidValueException hours = assertThrows(InvalidValueException.class, () -> identityProviders
                .importIdentityProviderMetadataUrl(account, "primary", server.url().toString(), less, null, 500,
                        IdentityProviderOptions.KEEP));
        assertEquals("refreshHours", hours.field());
        assertNull(activation.status(account).draft(), "nothing was saved");
    }

    private void assertUrlRefused(String fragment, String url, MetadataTrust trust) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> identityProviders.importIdentityProviderMetadataUrl(account, "primary", url, trust, null, 24,
                IdentityProviderOptions.KEEP));
        assertEquals(MetadataFetcher.FIELD, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }
}
