package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.Accounts;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.saml.binding.BrowserMessage;
import org.openenvelope.saml.binding.IncomingMessage;
import org.openenvelope.saml.binding.MessageEncoder;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.validation.LogoutValidator;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.websafe.FederatedSession;
import org.openenvelope.websafe.LocalPath;
import org.openenvelope.websafe.WebsafeSession;
import org.openenvelope.websafe.WebsafeSessions;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * Signing out of the user portal and SAML Single Logout, both ways: the user's sign-out tells the IdP, and the
 * IdP's LogoutRequest ends the user's sessions here.
 */
@Stateless
public class SingleLogoutService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    OutstandingRequests requests;

    @EJB
    SignInAudit refusals;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    WebsafeSessions sessions;

    /**
     * Ends the user-portal session and, when the IdP has a logout URL, starts SP-initiated Single Logout with a
     * signed LogoutRequest naming the user as the IdP named them.
     */
    public Optional<OutgoingMessage> signOut(String sessionKey, String baseUrl) {
        Optional<WebsafeSession> found = sessions.active(sessionKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebsafeSession session = found.get();
        session.end("signed-out", clock.instant());
        Account account = session.getAccount();
        audit.recordAs(session.getUser().getFederationId(), AuditAction.SSO_SIGNED_OUT, account.getNumber(),
                "Signed out of the user portal");
        Optional<IdentityProvider> idp = session.isFederated()
                ? identityProviders.active(account, session.getIdentityProviderName()) : Optional.empty();
        if (idp.isEmpty() || idp.get().settings().sloUrl() == null) {
            return Optional.empty();
        }
        IdentityProviderSettings settings = idp.get().settings();
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        String requestId = requests.rememberLogout(account, idp.get().getName());
        FederatedSession federated = new FederatedSession(session.getNameId(), session.getNameIdFormat(),
                session.getNameQualifier(), session.getSpNameQualifier(), session.getSessionIndex());
        return Optional.of(MessageEncoder.encode(settings.sloBinding(), settings.sloUrl(), RedirectBinding.SAML_REQUEST,
                SamlMessages.logoutRequest(sp, requestId, settings.sloUrl(), federated, clock.instant()), null,
                sp.signingKey()));
    }

    /**
     * The Single Logout endpoint: an IdP's LogoutRequest ends the sessions of the user it names by the whole NameID
     * as the assertion issued it (those of its SessionIndex, if it names any) and is answered with a signed LogoutResponse; an IdP's LogoutResponse confirms our request.
     *
     * Of several identity providers, the one in force whose entity ID the message names is the one that must have
     * signed it, and only the sessions it signed in end.
     *
     * @throws SamlRejectedException when the message is not a valid, signed logout message of the account's IdP
     */
    public LogoutHandled handleLogout(String accountNumber, String baseUrl, BrowserMessage received) {
        try {
            IncomingMessage message = received.decode();
            Account account = accounts.require(accountNumber);
            List<IdentityProvider> inForce = identityProviders.allActive(account);
            if (inForce.isEmpty()) {
                throw new SamlRejectedException(SamlFailure.SSO_NOT_CONFIGURED, "Account " + accountNumber
                        + " has no active identity provider.");
            }
            String issuer = LogoutValidator.claimedIssuer(message.xml(), message.isRequest());
            // an unknown issuer is judged against the default, whose checks name the mismatch
            IdentityProvider idp = identityProviders.activeIssuedBy(account, issuer).orElse(inForce.get(0));
            IdentityProviderSettings settings = idp.settings();
            IdentityProviderTrust trust = IdentityProviders.trust(settings);
            ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
            boolean bindingVerified = false;
            if (message.redirect() != null && message.redirect().isSigned()) {
                message.redirect().verify(trust.signingCertificates(), trust.allowSha1());
                bindingVerified = true;
            }
            LogoutValidator validator = new LogoutValidator(sp, trust, clock);
            if (!message.isRequest()) {
                LogoutValidator.IncomingLogoutResponse answer = validator.validateResponse(message.xml(),
                        bindingVerified, requests.logoutTracker(account, idp.getName()));
                return new LogoutHandled.LogoutConfirmed(answer.success(), answer.status(), LocalPath.USER_PORTAL);
            }
            LogoutValidator.IncomingLogoutRequest request = validator.validateRequest(message.xml(), bindingVerified);
            int ended = endSessions(account, idp.getName(), request);
            audit.recordAs("sso", AuditAction.SSO_LOGOUT_REQUESTED_BY_IDP, accountNumber, "Identity provider "
                    + idp.getName() + " signed out " + request.nameId() + ": " + ended + " session(s) ended");
            String destination = settings.sloUrl() != null ? settings.sloUrl() : settings.ssoUrl();
            return new LogoutHandled.IdpLogout(ended, MessageEncoder.encode(settings.sloBinding(), destination,
                    RedirectBinding.SAML_RESPONSE, SamlMessages.logoutResponse(sp, request.id(), destination,
                            StatusCode.SUCCESS, clock.instant()), message.relayState(), sp.signingKey()));
        } catch (SamlRejectedException e) {
            refusals.refused(accountNumber, "Logout", e);
            throw e;
        }
    }

    private int endSessions(Account account, String identityProvider, LogoutValidator.IncomingLogoutRequest request) {
        Instant now = clock.instant();
        List<WebsafeSession> active = em.createNamedQuery(WebsafeSession.ACTIVE_BY_NAME_ID, WebsafeSession.class)
                .setParameter("account", account).setParameter("nameId", request.nameId()).getResultList();
        int ended = 0;
        for (WebsafeSession session : active) {
            boolean sameUser = request.names(session.getNameId(), session.getNameIdFormat(), session.getNameQualifier(),
                    session.getSpNameQualifier());
            if (sameUser && identityProvider.equals(session.getIdentityProviderName()) && (request.sessionIndexes().isEmpty() || request.sessionIndexes().contains(session.getSessionIndex()))) {
                session.end("idp-logout", now);
                ended++;
            }
        }
        return ended;
    }
}
