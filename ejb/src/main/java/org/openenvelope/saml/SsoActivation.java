package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * Bringing the draft identity provider into force: Test SSO runs a real sign-in with the draft, Enable SSO is
 * allowed only after the latest run passed for the draft exactly as it is, and the account can go back to
 * passwords at any time (the SSO configuration is kept).
 */
@Stateless
public class SsoActivation {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The authentication method, both configurations, the latest test, and whether SSO can be enabled. */
    public SsoStatusView status(String accountNumber) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        Optional<SsoTest> latest = latestTest(account);
        String blocked = enableBlockedBecause(draft, latest);
        return new SsoStatusView(account.getAuthenticationMethod(),
                identityProviders.active(account).map(IdentityProviderView::of).orElse(null),
                draft.map(IdentityProviderView::of).orElse(null),
                latest.map(test -> SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()))).orElse(null),
                blocked == null, blocked);
    }

    /**
     * Starts a Test SSO run of the draft; the browser that opens the returned URL performs a real SP-initiated
     * sign-in with the draft ({@link SsoTestRun}), while the active configuration stays in force for everyone else.
     */
    public SsoTestStarted startSsoTest(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        IdentityProvider draft = identityProviders.draft(account).orElseThrow(() -> new ConflictException("draft",
                "There is no draft configuration to test; enter the identity provider or import its metadata first."));
        em.flush();
        SsoTest test = new SsoTest(draft, IdentifierGenerator.next(), access.caller().getName(), clock.instant());
        em.persist(test);
        em.flush();
        audit.record(AuditAction.SSO_TEST_STARTED, accountNumber, "Started Test SSO " + test.getId()
                + " of the draft for " + draft.getEntityId());
        return new SsoTestStarted(test.getId(), new SamlEndpoints(baseUrl, accountNumber).test(test.getId(), test.getUrlKey()));
    }

    public SsoTestView ssoTest(String accountNumber, long testId) {
        Account account = access.account(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        if (test == null || !test.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Test SSO " + testId + " was not found in account " + accountNumber + ".");
        }
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        return SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()));
    }

    /**
     * Enable SSO: the tested draft comes into force and users sign in through the identity provider.
     *
     * @throws ConflictException unless the latest Test SSO passed for the draft exactly as it is now
     */
    public SsoStatusView enableSingleSignOn(String accountNumber) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account);
        String blocked = enableBlockedBecause(draft, latestTest(account));
        if (blocked != null) {
            throw new ConflictException("test", blocked);
        }
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Optional<IdentityProvider> active = identityProviders.active(account);
        String detail = active.map(current -> "SSO configuration changed: "
                        + IdentityProviderChanges.between(current.settings(), draft.get().settings()))
                .orElse("SSO enabled with " + draft.get().getEntityId());
        if (active.isPresent()) {
            active.get().takeOver(draft.get(), actor, now);
        } else {
            em.persist(IdentityProvider.activeFrom(draft.get(), actor, now));
        }
        em.remove(draft.get());
        account.useSingleSignOn();
        audit.record(AuditAction.SSO_ENABLED, accountNumber, detail);
        return status(accountNumber);
    }

    /** Back to passwords at once; the SSO configuration is kept for when it is enabled again. */
    public SsoStatusView usePasswordSignIn(String accountNumber) {
        Account account = access.account(accountNumber);
        if (account.getAuthenticationMethod() != AuthenticationMethod.PASSWORD) {
            account.usePassword();
            audit.record(AuditAction.SSO_DISABLED, accountNumber, "Authentication method changed to Password");
        }
        return status(accountNumber);
    }

    private Optional<SsoTest> latestTest(Account account) {
        return em.createNamedQuery(SsoTest.LATEST_OF_ACCOUNT, SsoTest.class).setParameter("account", account)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private static String enableBlockedBecause(Optional<IdentityProvider> draft, Optional<SsoTest> latest) {
        if (draft.isEmpty()) {
            return "There is no draft to enable: edit the identity provider or import its metadata, then test it.";
        }
        if (latest.isEmpty() || !latest.get().tested(draft.get())) {
            return "Run Test SSO configuration on the draft as it is now before enabling it.";
        }
        return switch (latest.get().getOutcome()) {
            case PASSED -> null;
            case PENDING -> "The latest Test SSO has not finished; complete the sign-in in its tab.";
            case FAILED -> "The latest Test SSO failed (" + latest.get().getReasonCode() + "); fix the draft and test again.";
        };
    }
}
