package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.Certificates;
import org.openenvelope.security.SecretBox;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.user.UserService;
import org.openenvelope.user.UserView;

/** Federation settings, users and the replay cache with the container's transactions, database and access rules. */
@ExtendWith(ArquillianExtension.class)
class FederationServiceIT {

    private static final String BASE = "https://envelope.example.com";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs();
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    ServiceProviderService serviceProviders;

    @Inject
    IdentityProviderService identityProviders;

    @Inject
    SsoActivation activation;

    @Inject
    ExpiryWarnings expiryWarnings;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    SeenAssertions seenAssertions;

    @Inject
    SamlHousekeeping housekeeping;

    @Inject
    SecretBox secrets;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    private static IdentityProviderSettings settings(int skew) {
        return new IdentityProviderSettings("https://idp.example/" + Fixtures.unique("realm"), "https://idp.example/sso",
                SamlBinding.HTTP_REDIRECT, true, null, null, skew, false, false, false, null, null, null,
                List.of(SelfSignedCertificates.generate("idp.example", Instant.now().minusSeconds(60), Duration.ofDays(30))
                        .getEntityCertificate()));
    }

    @Test
    void anAccountAdministratorNeverReachesAnotherAccountsFederationOrUsers() {
        AccountSummary mine = callers.newAccount("Federation");
        AccountSummary theirs = callers.newAccount("Federation");
        UserView theirUser = users.addUser(theirs.number(), "bob@" + Fixtures.uniqueDomain());

        acting.actAs(callers.administratorOf(mine.number()));
        assertThrows(ResourceNotFoundException.class, () -> serviceProviders.serviceProvider(theirs.number(), BASE));
        assertThrows(ResourceNotFoundException.class, () -> identityProviders.configureIdentityProvider(theirs.number(), "primary", settings(60)));
        assertThrows(ResourceNotFoundException.class, () -> serviceProviders.changeServiceProviderEntityId(theirs.number(), BASE, "urn:x"));
        assertThrows(ResourceNotFoundException.class, () -> users.findUsers(theirs.number(), null, 0, 100).items());
        assertThrows(ResourceNotFoundException.class, () -> users.removeUser(mine.number(), theirUser.id()));

        acting.actAs(Fixtures.serviceAdministrator());
        assertEquals(List.of(theirUser.id()), users.findUsers(theirs.number(), null, 0, 100).items().stream().map(UserView::id).toList());
    }

    @Test
    void theIdentityProviderConfigurationIsAuditedWithWhatChanged() {
        AccountSummary account = callers.newAccount("Federation");
        acting.actAs(callers.administratorOf(account.number()));
        IdentityProviderSettings first = settings(60);
        identityProviders.configureIdentityProvider(account.number(), "primary", first);
        identityProviders.configureIdentityProvider(account.number(), "primary", new IdentityProviderSettings(first.entityId(),
                first.ssoUrl(), SamlBinding.HTTP_POST, true, null, null, 90, false, false, true, null, null, null, first.certificates()));

        List<String> details = audit.accountEvents(account.number(), 0, 20).items().stream()
                .filter(e -> e.action().equals("saml.idp-configured")).map(AuditEntry::detail).toList();
        assertEquals(2, details.size(), details.toString());
        String change = details.get(0);
        assertTrue(change.contains("clock skew (s) 60 → 90") && change.contains("SSO binding HTTP_REDIRECT → HTTP_POST")
                && change.contains("just-in-time users false → true"), change);
        assertFalse(change.contains("entity ID"), "unchanged values are not listed: " + change);
        assertEquals(90, activation.status(account.number()).draft().clockSkewSeconds());
        assertEquals(null, activation.status(account.number()).active(), "only the draft changed");
    }

    @Test
    void theServiceProviderKeyIsGeneratedOnceAndItsPrivateKeyIsOnlyStoredSealed() throws Exception {
        AccountSummary account = callers.newAccount("Federation");
        ServiceProviderView first = serviceProviders.serviceProvider(account.number(), BASE);
        ServiceProviderView again = serviceProviders.serviceProvider(account.number(), BASE);
        assertEquals(1, again.keys().size());
        assertEquals(first.keys().get(0).certificate().sha256Fingerprint(), again.keys().get(0).certificate().sha256Fingerprint());
        assertEquals(BASE + "/saml/" + account.number(), first.entityId());
        assertEquals(BASE + "/saml/" + account.number() + "/acs", first.assertionConsumerUrl());

        String sealed = (String) em.createNativeQuery("select k.encrypted_private_key from sp_key k join service_provider s"
                + " on k.service_provider_id = s.id join account a on s.account_id = a.id where a.account_number = ?1")
                .setParameter(1, account.number()).getSingleResult();
        assertTrue(sealed.startsWith("v2:"), "sealed, not PKCS#8");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(secrets.open(sealed, "saml-sp-key:" + account.number())));
        String certificate = (String) em.createNativeQuery("select k.certificate from sp_key k join service_provider s"
                + " on k.service_provider_id = s.id join account a on s.account_id = a.id where a.account_number = ?1")
                .setParameter(1, account.number()).getSingleResult();
        assertEquals(((RSAPublicKey) Certificates.fromBase64(certificate).getPublicKey()).getModulus(), key.getModulus());
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, "saml-sp-key:00000000"),
                "bound to its account");
    }

    @Test
    void anAssertionsUseIsWrittenWithItsSignInOrAfterItsRefusal() throws Exception {
        String id = "_" + Fixtures.unique("assertion");
        transaction.begin();
        AssertionUse signIn = new AssertionUse(seenAssertions);
        assertTrue(signIn.firstUse("https://idp.example", id, Instant.now().plusSeconds(300)));
        signIn.record();
        transaction.rollback();

        AssertionUse refused = new AssertionUse(seenAssertions);
        assertTrue(refused.firstUse("https://idp.example", id, Instant.now().plusSeconds(300)),
                "the use went with the sign-in's transaction");
        transaction.begin();
        refused.burn();
        transaction.rollback();

        assertFalse(firstUse("https://idp.example", id, Instant.now().plusSeconds(300)),
                "burnt in a transaction of its own");
        assertTrue(firstUse("https://other-idp.example", id, Instant.now().plusSeconds(300)),
                "assertion ids are per issuer");
    }

    /** A sign-in's use of an assertion, written when it is the first. */
    private boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
        AssertionUse use = new AssertionUse(seenAssertions);
        boolean first = use.firstUse(issuer, assertionId, expiresAt);
        use.record();
        return first;
    }

    @Test
    void certificatesThatExpireWithin30DaysAreListedForTheAccountAndTheServiceAdministrator() {
        AccountSummary account = callers.newAccount("Federation");
        acting.actAs(callers.administratorOf(account.number()));
        serviceProviders.serviceProvider(account.number(), BASE);
        identityProviders.configureIdentityProvider(account.number(), "primary", new IdentityProviderSettings("https://idp.example/"
                + Fixtures.unique("soon"), "https://idp.example/sso", SamlBinding.HTTP_REDIRECT, true, null, null, 60, false,
                false, false, null, null, null, List.of(SelfSignedCertificates.generate("soon.idp.example", Instant.now().minusSeconds(60),
                Duration.ofDays(10)).getEntityCertificate(), SelfSignedCertificates.generate("later.idp.example",
                Instant.now().minusSeconds(60), Duration.ofDays(365)).getEntityCertificate())));

        List<ExpiryWarning> mine = expiryWarnings.ofAccount(account.number());
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("IdP signing certificate (primary, draft)", mine.get(0).what());
        assertEquals("CN=soon.idp.example", mine.get(0).subject());
        assertFalse(mine.get(0).expired());
        assertThrows(org.openenvelope.error.AccessDeniedException.class, () -> expiryWarnings.ofService());

        acting.actAs(Fixtures.serviceAdministrator());
        assertTrue(expiryWarnings.ofService().stream().anyMatch(w -> w.accountNumber().equals(account.number())));
    }

    @Test
    void housekeepingForgetsExpiredAssertionsOnly() {
        String expired = "_" + Fixtures.unique("expired");
        String current = "_" + Fixtures.unique("current");
        assertTrue(firstUse("https://idp.example", expired, Instant.now().minusSeconds(1)));
        assertTrue(firstUse("https://idp.example", current, Instant.now().plusSeconds(600)));

        housekeeping.purgeExpired();

        assertTrue(firstUse("https://idp.example", expired, Instant.now().minusSeconds(1)),
                "forgotten: its own dates refuse it anyway");
        assertFalse(firstUse("https://idp.example", current, Instant.now().plusSeconds(600)));
    }

    @Test
    void usersAreUniqueByExactFederationIdAndAreAudited() {
        AccountSummary account = callers.newAccount("Federation");
        acting.actAs(callers.administratorOf(account.number()));
        String domain = Fixtures.uniqueDomain();
        UserView jane = users.addUser(account.number(), " Jane.Doe@" + domain + " ");
        assertEquals("Jane.Doe@" + domain, jane.federationId());
        assertThrows(ConflictException.class, () -> users.addUser(account.number(), "Jane.Doe@" + domain));
        users.addUser(account.number(), "jane.doe@" + domain);
        users.removeUser(account.number(), jane.id());

        assertEquals(List.of("jane.doe@" + domain), users.findUsers(account.number(), null, 0, 100).items().stream()
                .map(UserView::federationId).toList());

        for (int i = 0; i < 4; i++) {
            users.addUser(account.number(), "user" + i + "_x@" + domain);
        }
        var firstPage = users.findUsers(account.number(), null, 0, 2);
        assertEquals(5, firstPage.total());
        assertEquals(List.of("jane.doe@" + domain, "user0_x@" + domain), firstPage.items().stream()
                .map(UserView::federationId).toList(), "by federation ID");
        assertEquals(1, users.findUsers(account.number(), "JANE.DOE", 0, 20).total(), "found in any case");
        assertEquals(4, users.findUsers(account.number(), "_x@", 0, 20).total());
        assertEquals(0, users.findUsers(account.number(), "user_", 0, 20).total(), "_ is no wildcard");
        List<String> actions = audit.accountEvents(account.number(), 0, 20).items().stream().map(AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of("user.added", "user.removed")), actions.toString());
    }
}
