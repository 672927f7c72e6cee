package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;
import org.openenvelope.account.Accounts;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.saml.binding.MessageEncoder;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.PostBinding;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.validation.ResponseValidator;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.user.AccountUser;
import org.openenvelope.websafe.FederatedSession;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.WebsafeSessions;
import org.opensaml.saml.saml2.core.Response;

/**
 * The user's side of SAML sign-in: SP metadata, SP-initiated sign-in and the assertion consumer that starts a
 * user-portal session. These endpoints are public; the account is named in the URL, and every refusal says why
 * in the audit log and the server log while telling the person only what they can act on.
 */
@Stateless
public class SignInService {

    @Inject
    Accounts accounts;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    OutstandingRequests requests;

    @Inject
    FederatedUsers users;

    @Inject
    SsoTestRun tests;

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
    @ConfigProperty(name = "openenvelope.saml.sp-metadata-cache-duration", defaultValue = "PT1H")
    String metadataCacheDuration;

    /** The account's signed SP metadata; its first key is generated on first use. */
    public byte[] serviceProviderMetadata(String accountNumber, String baseUrl) {
        Account account = accounts.require(accountNumber);
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        // the active key first: some IdPs take only the first KeyDescriptor of each use
        return ServiceProviderMetadata.generate(sp, serviceProviders.ensure(account).publishedKeys().stream()
                .sorted(Comparator.comparing(key -> key.getStatus() != KeyStatus.ACTIVE))
                .map(ServiceProviderKey::certificate).toList(), Duration.parse(metadataCacheDuration));
    }

    /**
     * Starts SP-initiated sign-in: a signed AuthnRequest over the binding the IdP prefers. The request id is
     * remembered (InResponseTo) with the local path to return to; anything but a local path is ignored.
     */
    public OutgoingMessage startSignIn(String accountNumber, String baseUrl, String relayState) {
        Account account = activeAccount(accountNumber);
        IdentityProvider idp = identityProviders.enabled(account);
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        String next = LocalPath.orUserPortal(relayState);
        String requestId = requests.remember(account, RequestPurpose.SIGN_IN, next);
        IdentityProviderSettings settings = idp.settings();
        return MessageEncoder.encode(settings.ssoBinding(), settings.ssoUrl(), RedirectBinding.SAML_REQUEST,
                SamlMessages.authnRequest(sp, requestId, settings.ssoUrl(), clock.instant()), next, sp.signingKey());
    }

    /**
     * The assertion consumer: validates the Response (every check of {@link ResponseValidator}), finds or creates
     * the user ({@link FederatedUsers}) and starts a user-portal session.
     *
     * <p>A Response to a Test SSO request is judged against the draft instead ({@link SsoTestRun}), its result
     * recorded for the administrator, and it never starts a session.
     *
     * @throws SamlRejectedException for any refusal of a sign-in; no session exists then
     */
    public AcsOutcome consumeResponse(String accountNumber, String baseUrl, String samlResponse, String postedRelayState) {
        try {
            Response response = ResponseValidator.parse(PostBinding.decode(RedirectBinding.SAML_RESPONSE, samlResponse));
            Optional<OutstandingRequest> test = requests.test(response.getInResponseTo(), accountNumber);
            if (test.isPresent()) {
                return tests.complete(test.get(), baseUrl, response);
            }
            Account account = activeAccount(accountNumber);
            IdentityProviderSettings settings = identityProviders.enabled(account).settings();
            ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
            ValidatedAssertion assertion = new ResponseValidator(sp, IdentityProviders.trust(settings),
                    requests.tracker(account, RequestPurpose.SIGN_IN), seenAssertions, clock).validate(response);
            String federationId = FederationIdentity.of(assertion, settings.alternateEmailAttribute());
            AccountUser user = users.signingIn(account, settings, federationId);
            user.signedIn(clock.instant());
            String sessionKey = sessions.startFederated(user, new FederatedSession(assertion.nameId(),
                    assertion.nameIdFormat(), assertion.nameQualifier(), assertion.spNameQualifier(),
                    assertion.sessionIndex()), assertion.sessionNotOnOrAfter());
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

    private Account activeAccount(String accountNumber) {
        Account account = accounts.require(accountNumber);
        if (!account.isActive()) {
            throw new SamlRejectedException(SamlFailure.ACCOUNT_SUSPENDED, "Account " + accountNumber + " is suspended.");
        }
        return account;
    }
}
