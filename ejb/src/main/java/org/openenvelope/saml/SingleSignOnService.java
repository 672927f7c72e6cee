package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.Accounts;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.saml.binding.BrowserMessage;
import org.openenvelope.saml.binding.IncomingMessage;
import org.openenvelope.saml.binding.MessageEncoder;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.PostBinding;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.validation.LogoutValidator;
import org.openenvelope.saml.validation.ResponseValidator;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.user.AccountUser;
import org.openenvelope.user.AccountUsers;
import org.openenvelope.user.UserOrigin;
import org.openenvelope.websafe.FederatedSession;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.UserPortalSession;
import org.openenvelope.websafe.WebsafeSession;
import org.openenvelope.websafe.WebsafeSessions;
import org.opensaml.saml.saml2.core.Response;

/**
 * The user's side of SAML federation: SP metadata, SP-initiated sign-in, the assertion consumer, user-portal
 * sessions and Single Logout. These endpoints are public; the account is named in the URL, and every refusal
 * says why in the audit log and the server log while telling the person only what they can act on.
 */
@Stateless
public class SingleSignOnService {


    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AccountUsers users;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    OutstandingRequests requests;

    @EJB
    SeenAssertions seenAssertions;

    @EJB
    SignInAudit refusals;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    WebsafeSessions sessions;

    /** The SP metadata's cacheDuration (ISO-8601), for IdPs that re-read it from its URL. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "openenvelope.saml.sp-metadata-cache-duration",
            defaultValue = "PT1H")
    String metadataCacheDuration;

    /** The account's signed SP metadata; its first key is generated on first use. */
    public byte[] serviceProviderMetadata(String accountNumber, String baseUrl) {
        Account account = account(accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        ServiceProviderParty sp = serviceProviders.party(provider, new SamlEndpoints(baseUrl, accountNumber));
        // the active key first: some IdPs take only the first KeyDescriptor of each use
        return ServiceProviderMetadata.generate(sp, provider.publishedKeys().stream()
                .sorted(java.util.Comparator.comparing(key -> key.getStatus() != KeyStatus.ACTIVE))
                .map(ServiceProviderKey::certificate).toList(), Duration.parse(metadataCacheDuration));
    }

    /**
     * Starts SP-initiated sign-in: a signed AuthnRequest over the binding the IdP prefers. The request id is
     * remembered (InResponseTo) with the local path to return to; anything but a local path is ignored.
     */
    public OutgoingMessage startSignIn(String accountNumber, String baseUrl, String relayState) {
        Account account = activeAccount(accountNumber);
        IdentityProvider idp = enabledIdentityProvider(account);
        ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account),
                new SamlEndpoints(baseUrl, accountNumber));
        String next = LocalPath.orUserPortal(relayState);
        String requestId = requests.remember(account, RequestPurpose.SIGN_IN, next);
        IdentityProviderSettings settings = idp.settings();
        return MessageEncoder.encode(settings.ssoBinding(), settings.ssoUrl(), RedirectBinding.SAML_REQUEST,
                SamlMessages.authnRequest(sp, requestId, settings.ssoUrl(), clock.instant()), next, sp.signingKey());
    }

    /**
     * Performs a Test SSO run: an SP-initiated sign-in with the draft configuration. The run must be pending and
     * the draft unchanged since it was started; the answer will be judged against the draft only.
     */
    public OutgoingMessage startSsoTest(String accountNumber, long testId, String urlKey, String baseUrl) {
        Account account = account(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        IdentityProvider draft = identityProviders.draft(account).orElse(null);
        if (test == null || !test.getAccount().getId().equals(account.getId()) || !test.opensWith(urlKey)
                || test.getOutcome() != SsoTestOutcome.PENDING || draft == null || !test.tested(draft)) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "Test SSO " + testId + " of account "
                    + accountNumber + " is not waiting to run (finished, unknown, or the draft changed since); start a new test.");
        }
        ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account),
                new SamlEndpoints(baseUrl, accountNumber));
        String requestId = requests.rememberTest(account, test);
        IdentityProviderSettings settings = draft.settings();
        return MessageEncoder.encode(settings.ssoBinding(), settings.ssoUrl(), RedirectBinding.SAML_REQUEST,
                SamlMessages.authnRequest(sp, requestId, settings.ssoUrl(), clock.instant()), null, sp.signingKey());
    }

    /**
     * The assertion consumer: validates the Response (every check of {@link ResponseValidator}), finds the user by
     * federation ID (case-sensitive), creates them just in time when the account allows it and their domain is in
     * its Profiles, and starts a user-portal session.
     *
     * <p>A Response to a Test SSO request is judged against the draft instead, its result recorded for the
     * administrator, and it never starts a session.
     *
     * @throws SamlRejectedException for any refusal of a sign-in; no session exists then
     */
    public AcsOutcome consumeResponse(String accountNumber, String baseUrl, String samlResponse, String postedRelayState) {
        try {
            Response response = ResponseValidator.parse(PostBinding.decode(RedirectBinding.SAML_RESPONSE, samlResponse));
            Optional<OutstandingRequest> test = requests.test(response.getInResponseTo(), accountNumber);
            if (test.isPresent()) {
                return completeTest(test.get(), baseUrl, response);
            }
            Account account = activeAccount(accountNumber);
            IdentityProvider idp = enabledIdentityProvider(account);
            IdentityProviderSettings settings = idp.settings();
            ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account),
                    new SamlEndpoints(baseUrl, accountNumber));
            ValidatedAssertion assertion = new ResponseValidator(sp, trust(settings),
                    requests.tracker(account, RequestPurpose.SIGN_IN), seenAssertions, clock).validate(response);
            String federationId = FederationIdentity.of(assertion, settings.alternateEmailAttribute());
            AccountUser user = user(account, settings, federationId);
            Instant now = clock.instant();
            user.signedIn(now);
            String sessionKey = sessions.startFederated(user, federatedSession(assertion), assertion.sessionNotOnOrAfter());
            audit.recordAs(federationId, AuditAction.SSO_SIGN_IN_SUCCEEDED, accountNumber, "Signed in through "
                    + assertion.issuer() + " (NameID format " + assertion.nameIdFormat() + ", assertion "
                    + assertion.assertionId() + ")");
            String next = assertion.inResponseTo() != null
                    ? requests.relayState(assertion.inResponseTo()).orElse(LocalPath.USER_PORTAL)
                    : LocalPath.orUserPortal(postedRelayState);
            return new AcsOutcome.SignedIn(sessionKey, accountNumber, federationId, next);
        } catch (SamlRejectedException e) {
            refusals.refused(accountNumber, "Sign-in", e);
            throw e;
        }
    }

    /**
     * Judges a Test SSO answer against the draft with every check of a real sign-in, including finding the user,
     * and records the outcome; nothing is created and no session starts.
     */
    private AcsOutcome completeTest(OutstandingRequest request, String baseUrl, Response response) {
        Account account = request.getAccount();
        SsoTest test = em.find(SsoTest.class, request.getSsoTestId());
        IdentityProvider draft = identityProviders.draft(account).orElse(null);
        SamlEndpoints endpoints = new SamlEndpoints(baseUrl, account.getNumber());
        ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account), endpoints);
        Instant now = clock.instant();
        ValidatedAssertion assertion = null;
        try {
            if (draft == null || !test.tested(draft)) {
                throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST,
                        "The draft changed while this test ran; start a new test.");
            }
            IdentityProviderSettings settings = draft.settings();
            assertion = new ResponseValidator(sp, trust(settings), requests.tracker(account, RequestPurpose.SSO_TEST),
                    seenAssertions, clock).validate(response);
            String federationId = FederationIdentity.of(assertion, settings.alternateEmailAttribute());
            String user = describeUser(account, settings, federationId);
            test.passed(summary(assertion, federationId, user), now);
            audit.recordAs(test.getStartedBy(), AuditAction.SSO_TEST_COMPLETED, account.getNumber(),
                    "Test SSO " + test.getId() + " passed: " + federationId + " signed in through " + assertion.issuer());
        } catch (SamlRejectedException e) {
            test.failed(e.failure().code(), SsoDiagnosis.explain(e.failure(), e.detail(), sp.entityId(),
                    sp.assertionConsumerUrl()), assertion == null ? null : summary(assertion, null, null), now);
            audit.recordAs(test.getStartedBy(), AuditAction.SSO_TEST_COMPLETED, account.getNumber(),
                    "Test SSO " + test.getId() + " failed (" + e.failure().code() + "): " + e.detail());
        }
        return new AcsOutcome.TestFinished(account.getNumber(), test.getId());
    }

    private String describeUser(Account account, IdentityProviderSettings settings, String federationId) {
        if (users.byFederationId(account, federationId).isPresent()) {
            return "a user of this account";
        }
        if (settings.justInTimeUsers() && profileOwners.serves(account, federationId)) {
            return "not a user yet; would be created just in time at the first sign-in";
        }
        throw new SamlRejectedException(SamlFailure.UNKNOWN_USER, "No user of account " + account.getNumber()
                + " has the federation ID \"" + federationId + "\" (compared case-sensitively).");
    }

    private static String summary(ValidatedAssertion assertion, String federationId, String user) {
        StringBuilder text = new StringBuilder();
        text.append("Issuer: ").append(assertion.issuer()).append('\n');
        text.append("NameID: ").append(assertion.nameId()).append('\n');
        text.append("NameID format: ").append(assertion.nameIdFormat()).append('\n');
        if (federationId != null) {
            text.append("Federation ID: ").append(federationId).append(" (").append(user).append(")\n");
        }
        assertion.attributes().forEach((name, values) ->
                text.append("Attribute ").append(name).append(": ").append(String.join(", ", values)).append('\n'));
        text.append("Valid: ").append(assertion.notBefore()).append(" to ").append(assertion.notOnOrAfter()).append('\n');
        text.append("Authenticated at: ").append(assertion.authnInstant()).append('\n');
        if (assertion.sessionIndex() != null) {
            text.append("Session index: ").append(assertion.sessionIndex()).append('\n');
        }
        return text.toString();
    }

    /**
     * Ends the user-portal session and, when the IdP has a logout URL, starts SP-initiated Single Logout with a
     * signed LogoutRequest naming the user as the IdP named them.
     */
    public Optional<OutgoingMessage> signOut(String sessionKey, String baseUrl) {
        Optional<WebsafeSession> found = activeSession(sessionKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebsafeSession session = found.get();
        session.end("signed-out", clock.instant());
        Account account = session.getAccount();
        audit.recordAs(session.getUser().getFederationId(), AuditAction.SSO_SIGNED_OUT, account.getNumber(),
                "Signed out of the user portal");
        Optional<IdentityProvider> idp = identityProviders.active(account);
        if (!session.isFederated() || idp.isEmpty() || idp.get().settings().sloUrl() == null) {
            return Optional.empty();
        }
        IdentityProviderSettings settings = idp.get().settings();
        ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account),
                new SamlEndpoints(baseUrl, account.getNumber()));
        String requestId = requests.remember(account, RequestPurpose.LOGOUT, null);
        FederatedSession federated = new FederatedSession(session.getNameId(), session.getNameIdFormat(),
                session.getNameQualifier(), session.getSpNameQualifier(), session.getSessionIndex());
        return Optional.of(MessageEncoder.encode(settings.sloBinding(), settings.sloUrl(), RedirectBinding.SAML_REQUEST,
                SamlMessages.logoutRequest(sp, requestId, settings.sloUrl(), federated, clock.instant()), null,
                sp.signingKey()));
    }

    /**
     * The Single Logout endpoint: an IdP's LogoutRequest ends the user's sessions (those of its SessionIndex, if it
     * names any) and is answered with a signed LogoutResponse; an IdP's LogoutResponse confirms our request.
     *
     * @throws SamlRejectedException when the message is not a valid, signed logout message of the account's IdP
     */
    public LogoutHandled handleLogout(String accountNumber, String baseUrl, BrowserMessage received) {
        try {
            IncomingMessage message = received.decode();
            Account account = account(accountNumber);
            IdentityProviderSettings settings = identityProviders.active(account).orElseThrow(() ->
                    new SamlRejectedException(SamlFailure.SSO_NOT_CONFIGURED, "Account " + accountNumber
                            + " has no active identity provider.")).settings();
            IdentityProviderTrust trust = trust(settings);
            ServiceProviderParty sp = serviceProviders.party(serviceProviders.ensure(account),
                    new SamlEndpoints(baseUrl, accountNumber));
            boolean bindingVerified = false;
            if (message.redirect() != null && message.redirect().isSigned()) {
                message.redirect().verify(trust.signingCertificates(), trust.allowSha1());
                bindingVerified = true;
            }
            LogoutValidator validator = new LogoutValidator(sp, trust, clock);
            if (!message.isRequest()) {
                LogoutValidator.IncomingLogoutResponse answer = validator.validateResponse(message.xml(),
                        bindingVerified, requests.tracker(account, RequestPurpose.LOGOUT));
                return new LogoutHandled.LogoutConfirmed(answer.success(), answer.status(), LocalPath.USER_PORTAL);
            }
            LogoutValidator.IncomingLogoutRequest request = validator.validateRequest(message.xml(), bindingVerified);
            int ended = endSessions(account, request);
            audit.recordAs("sso", AuditAction.SSO_LOGOUT_REQUESTED_BY_IDP, accountNumber, "The identity provider "
                    + "signed out " + request.nameId() + ": " + ended + " session(s) ended");
            String destination = settings.sloUrl() != null ? settings.sloUrl() : settings.ssoUrl();
            return new LogoutHandled.IdpLogout(ended, MessageEncoder.encode(settings.sloBinding(), destination,
                    RedirectBinding.SAML_RESPONSE, SamlMessages.logoutResponse(sp, request.id(), destination,
                            org.opensaml.saml.saml2.core.StatusCode.SUCCESS, clock.instant()),
                    message.relayState(), sp.signingKey()));
        } catch (SamlRejectedException e) {
            refusals.refused(accountNumber, "Logout", e);
            throw e;
        }
    }

    private int endSessions(Account account, LogoutValidator.IncomingLogoutRequest request) {
        Instant now = clock.instant();
        List<WebsafeSession> sessions = em.createNamedQuery(WebsafeSession.ACTIVE_BY_NAME_ID, WebsafeSession.class)
                .setParameter("account", account).setParameter("nameId", request.nameId()).getResultList();
        int ended = 0;
        for (WebsafeSession session : sessions) {
            if (request.sessionIndexes().isEmpty() || request.sessionIndexes().contains(session.getSessionIndex())) {
                session.end("idp-logout", now);
                ended++;
            }
        }
        return ended;
    }

    /**
     * The account's user with exactly this federation ID. Just-in-time creation, when enabled, is limited to
     * addresses in a domain (or exact address) of the account's Profiles: the IdP may vouch for anyone, but the
     * account only owns its own domains.
     */
    private AccountUser user(Account account, IdentityProviderSettings settings, String federationId) {
        Optional<AccountUser> existing = users.byFederationId(account, federationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (settings.justInTimeUsers() && profileOwners.serves(account, federationId)) {
            AccountUser created = new AccountUser(account, federationId, UserOrigin.JUST_IN_TIME, "sso", clock.instant());
            em.persist(created);
            audit.recordAs("sso", AuditAction.USER_CREATED_JUST_IN_TIME, account.getNumber(),
                    "Created user " + federationId + " at first sign-in");
            return created;
        }
        throw new SamlRejectedException(SamlFailure.UNKNOWN_USER, "No user of account " + account.getNumber()
                + " has the federation ID \"" + federationId + "\" (compared case-sensitively)"
                + (settings.justInTimeUsers() ? ", and its domain is not in the account's Profiles." : "; add the user,"
                + " or enable just-in-time creation for the account's domains."));
    }

    private static FederatedSession federatedSession(ValidatedAssertion assertion) {
        return new FederatedSession(assertion.nameId(), assertion.nameIdFormat(), assertion.nameQualifier(),
                assertion.spNameQualifier(), assertion.sessionIndex());
    }

    private static IdentityProviderTrust trust(IdentityProviderSettings settings) {
        return new IdentityProviderTrust(settings.entityId(), settings.certificates(),
                Duration.ofSeconds(settings.clockSkewSeconds()), settings.allowSha1(), settings.allowIdpInitiated());
    }

    private Optional<WebsafeSession> activeSession(String sessionKey) {
        return sessions.active(sessionKey);
    }

    private Account account(String accountNumber) {
        Account account = accounts.byNumber(accountNumber).orElse(null);
        if (account == null) {
            throw new ResourceNotFoundException("There is no account " + accountNumber + ".");
        }
        return account;
    }

    private Account activeAccount(String accountNumber) {
        Account account = account(accountNumber);
        if (!account.isActive()) {
            throw new SamlRejectedException(SamlFailure.ACCOUNT_SUSPENDED, "Account " + accountNumber + " is suspended.");
        }
        return account;
    }

    /** The active configuration, when the account signs in with SAML. */
    private IdentityProvider enabledIdentityProvider(Account account) {
        Optional<IdentityProvider> active = identityProviders.active(account);
        if (account.getAuthenticationMethod() != AuthenticationMethod.SAML || active.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.SSO_NOT_CONFIGURED, "Account " + account.getNumber()
                    + " does not sign in with SAML 2.0" + (active.isEmpty() ? " (no identity provider is enabled)." : "."));
        }
        return active.get();
    }

}
