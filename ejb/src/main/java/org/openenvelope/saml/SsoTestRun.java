package org.openenvelope.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openenvelope.account.Account;
import org.openenvelope.account.Accounts;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.saml.validation.ResponseValidator;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.opensaml.saml.saml2.core.Response;

/**
 * The browser's part of a Test SSO run: a real SP-initiated sign-in with the draft configuration, whose answer
 * is judged with every check of a sign-in (finding the user included) and recorded for the administrator. It
 * creates nothing and never starts a session.
 */
@Stateless
public class SsoTestRun {

    private static final Logger LOG = ServiceLog.logger(SsoTestRun.class);

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

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

    @EJB
    SeenAssertions seenAssertions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Sends the browser to the IdP with the draft, its AuthnRequest signed or not as the draft says. The run must be pending and the draft unchanged since it was
     * started; the answer will be judged against the draft only.
     */
    public StartedSignIn start(String accountNumber, long testId, String urlKey, String baseUrl) {
        Account account = accounts.require(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        IdentityProvider draft = test == null ? null
                : identityProviders.draft(account, test.getIdentityProviderName()).orElse(null);
        if (test == null || !test.getAccount().getId().equals(account.getId()) || !test.opensWith(urlKey)
                || test.getOutcome() != SsoTestOutcome.PENDING || draft == null || !test.tested(draft)) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "Test SSO " + testId + " of account "
                    + accountNumber + " is not waiting to run (finished, unknown, or the draft changed since); start a new test.");
        }
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        IdentityProviderSettings settings = draft.settings();
        return pending.start(account, RequestPurpose.SSO_TEST, test.getIdentityProviderName(), null, test.getId(),
                requestId -> AuthnRequestSigning.encode(settings, sp, requestId, clock.instant()));
    }

    /** Judges the IdP's answer to a Test SSO request against the draft and records the outcome. */
    public AcsOutcome complete(PendingSignIn request, String baseUrl, Response response,
                               Map<String, String> pendingCookies) {
        Account account = accounts.require(request.accountNumber());
        SsoTest test = em.find(SsoTest.class, request.ssoTestId());
        IdentityProvider draft = identityProviders.draft(account, test.getIdentityProviderName()).orElse(null);
        ServiceProviderParty sp = serviceProviders.party(account, baseUrl);
        Instant now = clock.instant();
        ValidatedAssertion assertion = null;
        try {
            if (draft == null || !test.tested(draft)) {
                throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST,
                        "The draft changed while this test ran; start a new test.");
            }
            IdentityProviderSettings settings = draft.settings();
            AssertionUse use = new AssertionUse(seenAssertions);
            assertion = new ResponseValidator(sp, IdentityProviders.trust(settings), pending.tracker(account,
                    RequestPurpose.SSO_TEST, test.getIdentityProviderName(), pendingCookies), use, clock)
                    .validate(response);
            // a test commits whatever its outcome, so its assertion is used up with it
            use.record();
            test.received(assertion.nameIdFormat(), List.copyOf(assertion.attributes().keySet()));
            FederationIdentity.Resolved federationId = FederationIdentity.resolve(assertion, settings);
            identityProviders.requireServes(draft, federationId.value());
            String user = users.describe(account, settings, federationId.value());
            test.passed(summary(assertion, federationId, user), now);
            audit.recordAs(test.getStartedBy(), AuditAction.SSO_TEST_COMPLETED, account.getNumber(),
                    "Test SSO " + test.getId() + " of identity provider " + test.getIdentityProviderName() + " passed: "
                            + federationId.value() + " signed in through " + assertion.issuer());
        } catch (SamlRejectedException e) {
            test.failed(e.failure().code(), SsoDiagnosis.explain(e.failure(), e.detail(), sp.entityId(),
                    sp.assertionConsumerUrl()), assertion == null ? null : summary(assertion, wouldUse(assertion, draft),
                    "no user of this account"), now);
            audit.recordAs(test.getStartedBy(), AuditAction.SSO_TEST_COMPLETED, account.getNumber(),
                    "Test SSO " + test.getId() + " of identity provider " + test.getIdentityProviderName() + " failed ("
                            + e.failure().code() + "): " + e.detail());
            // as for real sign-ins, so an operator reading the server log sees it too
            LOG.warning(() -> "SAML Test SSO " + test.getId() + " failed for account " + account.getNumber() + ": "
                    + e.failure().code() + ": " + e.detail());
        }
        return new AcsOutcome.TestFinished(account.getNumber(), test.getId());
    }

    /** Which federation ID the assertion would have given, so a failed test still says what it found and why. */
    private static FederationIdentity.Resolved wouldUse(ValidatedAssertion assertion, IdentityProvider draft) {
        try {
            return FederationIdentity.resolve(assertion, draft.settings());
        } catch (SamlRejectedException none) {
            return null;
        }
    }

    /** What the assertion said, shown to the administrator with the test's outcome. */
    private static String summary(ValidatedAssertion assertion, FederationIdentity.Resolved federationId, String user) {
        StringBuilder text = new StringBuilder();
        text.append("Issuer: ").append(assertion.issuer()).append('\n');
        text.append("NameID: ").append(assertion.nameId()).append('\n');
        text.append("NameID format: ").append(assertion.nameIdFormat()).append('\n');
        if (federationId != null) {
            text.append("Federation ID: ").append(federationId.value()).append(" (").append(user).append("), from ")
                    .append(federationId.source()).append('\n');
        }
        assertion.attributes().forEach((name, values) -> text.append("Attribute ").append(name)
                .append(assertion.friendlyNames().containsKey(name) ? " (" + assertion.friendlyNames().get(name) + ")" : "")
                .append(": ").append(String.join(", ", values)).append('\n'));
        text.append("Valid: ").append(assertion.notBefore()).append(" to ").append(assertion.notOnOrAfter()).append('\n');
        text.append("Authenticated at: ").append(assertion.authnInstant()).append('\n');
        if (assertion.sessionIndex() != null) {
            text.append("Session index: ").append(assertion.sessionIndex()).append('\n');
        }
        return text.toString();
    }
}
