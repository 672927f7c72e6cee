package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;
import org.openenvelope.account.Accounts;
import org.openenvelope.administrator.AdministratorService;
import org.openenvelope.administrator.SignInPolicyOf;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.SecuredocAttachment;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.EmailAddress;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.recipient.RecipientSignIn;
import org.openenvelope.recipient.StartedSession;
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
 * user-portal session, or an envelope recipient's viewer session. These endpoints are public; the account is named in the URL, and every refusal says why
 * in the audit log and the server log while telling the person only what they can act on.
 */
@Stateless
public class SignInService {

    private static final String ADMINISTRATOR_HOME = "/admin/";

    @Inject
    Accounts accounts;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    PendingSignIns pending;

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

    @Inject
    ProfileOwners profileOwners;

    @EJB
    RecipientSignIn recipients;

    @EJB
    AdministratorService administrators;

    @Inject
    SignInPolicyOf signInPolicies;

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
     * Starts SP-initiated sign-in: an AuthnRequest over the binding the IdP prefers, signed when the IdP's settings
     * say so ({@link AuthnRequestSigning}). The request, with the local path to return to (anything but a local
     * path is ignored), is kept sealed in the browser's cookie ({@link PendingSignIns}), so that the answer counts in
     * this browser only. The RelayState the IdP sees is the request id, never the path.
     */
    public StartedSignIn startSignIn(String accountNumber, String identityProvider, String baseUrl, String relayState) {
        return authnRequest(activeAccount(accountNumber), identityProvider, baseUrl, RequestPurpose.SIGN_IN,
                LocalPath.orUserPortal(relayState));
    }

    /**
     * Starts a recipient's sign-in at the account's IdP, for the envelope viewer: the answer starts a viewer
     * session (never a user-portal one) for an address the account has verified, and returns to the envelope.
     *
     * @throws ResourceNotFoundException when {@code envelopeId} is not an envelope ID
     */
    public StartedSignIn startRecipientSignIn(String accountNumber, String identityProvider, String baseUrl,
                                              String envelopeId) {
        if (!Envelope.isPublicId(envelopeId)) {
            throw new ResourceNotFoundException("No such envelope.");
        }
        return authnRequest(activeAccount(accountNumber), identityProvider, baseUrl, RequestPurpose.RECIPIENT,
                SecuredocAttachment.VIEWER_PATH + "?envelope=" + envelopeId);
    }

    /**
     * Starts an account administrator's sign-in to the portal at the account's identity provider, when the account
     * lets its administrators sign in that way (Groups tab).
     *
     * @throws SamlRejectedException {@code not_an_administrator} when it does not
     */
    public StartedSignIn startAdministratorSignIn(String accountNumber, String identityProvider, String baseUrl) {
        Account account = activeAccount(accountNumber);
        requireAdministratorSignIn(account);
        return authnRequest(account, identityProvider, baseUrl, RequestPurpose.ADMINISTRATOR, ADMINISTRATOR_HOME);
    }

    /**
     * Where the portal's "sign in with single sign-on" sends an administrator: the identity provider of the account
     * that has verified the address's domain (or the address), when that account lets its administrators sign in
     * that way. It depends on the domain only, never on whether the address has an administrator sign-in, so the
     * answer tells nobody which addresses do.
     *
     * @return the path below the application, e.g. {@code /saml/12345678/admin?idp=primary}
     */
    public Optional<String> administratorSignInPath(String email) {
        Optional<EmailAddress> address;
        try {
            address = Optional.of(EmailAddress.parse(email));
        } catch (IllegalArgumentException notAnAddress) {
            address = Optional.empty();
        }
        return address.flatMap(a -> profileOwners.accountOf(a).filter(Account::isActive)
                .filter(signInPolicies::identityProviderSignIn)
                .flatMap(account -> identityProviders.identityProviderFor(account, a.value())
                        .map(idp -> "/saml/" + account.getNumber() + "/admin?idp=" + idp)));
    }

    private void requireAdministratorSignIn(Account account) {
        if (!signInPolicies.identityProviderSignIn(account)) {
            throw new SamlRejectedException(SamlFailure.NOT_AN_ADMINISTRATOR, "Account " + account.getNumber()
                    + " does not let its administrators sign in through its identity provider (Groups tab).");
        }
    }

    /** @param identityProvider the name of the identity provider to ask; null for the account's default */
    private StartedSignIn authnRequest(Account account, String identityProvider, String baseUrl, RequestPurpose purpose,
                                       String next) {
        IdentityProvider idp = identityProviders.enabled(account, identityProvider);
        IdentityProviderSettings settings = idp.settings();
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        return pending.start(account, purpose, idp.getName(), next, null,
                requestId -> AuthnRequestSigning.encode(settings, sp, requestId, clock.instant()));
    }

    /**
     * The assertion consumer: validates the Response (every check of {@link ResponseValidator}), finds or creates
     * the user ({@link FederatedUsers}) and starts a user-portal session.
     *
     * <p>A Response to a recipient's request starts an envelope-viewer session instead, for the email address the
     * assertion vouches for, and only when the account has verified that address or its domain.
     *
     * <p>A Response to a Test SSO request is judged against the draft instead ({@link SsoTestRun}), its result
     * recorded for the administrator, and it never starts a session.
     *
     * @throws SamlRejectedException for any refusal of a sign-in; no session exists then
     */
    public AcsOutcome consumeResponse(String accountNumber, String baseUrl, String samlResponse, String postedRelayState,
                                      Map<String, String> pendingCookies) {
        String what = "Sign-in";
        AssertionUse use = new AssertionUse(seenAssertions);
        try {
            Response response = ResponseValidator.parse(PostBinding.decode(RedirectBinding.SAML_RESPONSE, samlResponse));
            Optional<PendingSignIn> claimed = pending.claimed(response.getInResponseTo(), accountNumber, pendingCookies);
            if (claimed.isPresent()) {
                pending.requireUnanswered(claimed.get());
            }
            if (claimed.filter(r -> r.purpose() == RequestPurpose.SSO_TEST && r.ssoTestId() != null).isPresent()) {
                return tests.complete(claimed.get(), baseUrl, response, pendingCookies);
            }
            RequestPurpose purpose = claimed.map(PendingSignIn::purpose)
                    .filter(p -> p == RequestPurpose.RECIPIENT || p == RequestPurpose.ADMINISTRATOR)
                    .orElse(RequestPurpose.SIGN_IN);
            if (purpose == RequestPurpose.RECIPIENT) {
                what = "Recipient sign-in";
            } else if (purpose == RequestPurpose.ADMINISTRATOR) {
                what = "Administrator sign-in";
            }
            Account account = activeAccount(accountNumber);
            IdentityProvider idp = answering(account, claimed, response);
            IdentityProviderSettings settings = idp.settings();
            ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
            ValidatedAssertion assertion = new ResponseValidator(sp, IdentityProviders.trust(settings),
                    pending.tracker(account, purpose, idp.getName(), pendingCookies), use, clock).validate(response);
            if (purpose == RequestPurpose.RECIPIENT) {
                return recipientSignedIn(idp, assertion, use, pendingCookies);
            }
            if (purpose == RequestPurpose.ADMINISTRATOR) {
                return administratorSignedIn(idp, assertion, use);
            }
            String federationId = FederationIdentity.resolve(assertion, settings).value();
            identityProviders.requireServes(idp, federationId);
            AccountUser user = users.signingIn(account, settings, federationId);
            use.record();
            String sessionKey = sessions.startFederated(user, idp.getName(), new FederatedSession(assertion.nameId(),
                    assertion.nameIdFormat(), assertion.nameQualifier(), assertion.spNameQualifier(),
                    assertion.sessionIndex()), assertion.sessionNotOnOrAfter());
            audit.recordAs(federationId, AuditAction.SSO_SIGN_IN_SUCCEEDED, accountNumber, "Signed in through "
                    + "identity provider " + idp.getName() + ", " + assertion.issuer() + " (NameID format " + assertion.nameIdFormat() + ", assertion "
                    + assertion.assertionId() + ")");
            String next = assertion.inResponseTo() != null
                    ? pending.relayState(assertion.inResponseTo(), pendingCookies).orElse(LocalPath.USER_PORTAL)
                    : LocalPath.orUserPortal(postedRelayState);
            return new AcsOutcome.SignedIn(sessionKey, accountNumber, federationId, next);
        } catch (SamlRejectedException e) {
            use.burn();
            refusals.refused(accountNumber, what, e);
            throw e;
        }
    }

    /**
     * The identity provider whose answer this is: the one its request was sent to; for an answer to no request of
     * ours (IdP-initiated), the one in force with the Response's issuer, else the default (whose checks then say
     * what is wrong).
     */
    private IdentityProvider answering(Account account, Optional<PendingSignIn> claimed, Response response) {
        Optional<String> requested = claimed.map(PendingSignIn::identityProviderName);
        if (requested.isPresent()) {
            return identityProviders.enabled(account, requested.get());
        }
        String issuer = response.getIssuer() == null ? null : response.getIssuer().getValue();
        return identityProviders.enabled(account, identityProviders.activeIssuedBy(account, issuer)
                .map(IdentityProvider::getName).orElse(null));
    }

    private AcsOutcome recipientSignedIn(IdentityProvider idp, ValidatedAssertion assertion, AssertionUse use,
                                         Map<String, String> pendingCookies) {
        Account account = idp.getAccount();
        Optional<EmailAddress> address = FederationIdentity.emailOf(assertion, idp.settings().alternateEmailAttribute());
        if (address.isEmpty() || !profileOwners.serves(account, address.get().value())) {
            throw new SamlRejectedException(SamlFailure.RECIPIENT_ADDRESS_NOT_SERVED, address
                    .map(a -> "The assertion vouches for " + a.value() + ", which is in no verified Profiles entry of"
                            + " account " + account.getNumber() + ".")
                    .orElse("The assertion carries no email address (NameID format " + assertion.nameIdFormat()
                            + "; attributes received: " + assertion.attributes().keySet() + ")."));
        }
        identityProviders.requireServes(idp, address.get().value());
        use.record();
        StartedSession session = recipients.signedInAtIdentityProvider(address.get().value(), account.getNumber(),
                assertion.issuer());
        return new AcsOutcome.RecipientSignedIn(session.sessionKey(), pending.relayState(assertion.inResponseTo(), pendingCookies)
                .orElse(SecuredocAttachment.VIEWER_PATH));
    }

    /**
     * An administrator's portal sign-in: the assertion's email address must be one the account has verified and
     * the answering IdP serves, and belong to an administrator of this account.
     */
    private AcsOutcome administratorSignedIn(IdentityProvider idp, ValidatedAssertion assertion, AssertionUse use) {
        Account account = idp.getAccount();
        requireAdministratorSignIn(account);
        // the identity the account's sign-in is configured to trust (NameID or its chosen attribute), never the
        // first address-shaped attribute, which some IdPs let their users edit
        String federationId = FederationIdentity.resolve(assertion, idp.settings()).value();
        String email = addressOrNull(federationId);
        if (email == null || !profileOwners.serves(account, email)) {
            throw new SamlRejectedException(SamlFailure.NOT_AN_ADMINISTRATOR, "The assertion identifies \""
                    + federationId + "\", which is no address in a verified Profiles entry of account "
                    + account.getNumber() + ".");
        }
        identityProviders.requireServes(idp, email);
        long administratorId = administrators.signInThroughIdentityProvider(account, email,
                        "through identity provider " + idp.getName() + ", " + assertion.issuer() + " (assertion "
                                + assertion.assertionId() + ")")
                .orElseThrow(() -> new SamlRejectedException(SamlFailure.NOT_AN_ADMINISTRATOR, email
                        + " is no administrator of account " + account.getNumber() + "."));
        use.record();
        return new AcsOutcome.AdministratorSignedIn(administratorId, ADMINISTRATOR_HOME);
    }

    private static String addressOrNull(String value) {
        try {
            return EmailAddress.parse(value).value();
        } catch (IllegalArgumentException notAnAddress) {
            return null;
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
