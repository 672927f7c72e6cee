package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.profile.ProfileEntry;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.websafe.WebsafeSession;

/**
 * Bringing a draft identity provider into force: Test SSO runs a real sign-in with the draft, Enable SSO is
 * allowed only after the latest run of that identity provider passed for its draft exactly as it is, and the
 * account can go back to passwords at any time (the SSO configuration is kept). An identity provider other than
 * the only one in force can be removed; the domains it served go back to the default.
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
    ProfileOwners profileOwners;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The account's status with its default identity provider in full. */
    public SsoStatusView status(String accountNumber) {
        return status(accountNumber, identityProviders.defaultName(access.account(accountNumber)));
    }

    /** The account's status with the named identity provider in full (nothing of it yet, for a new name). */
    public SsoStatusView status(String accountNumber, String identityProvider) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account, identityProvider);
        Optional<SsoTest> latest = latestTest(account, identityProvider);
        String blocked = enableBlockedBecause(draft, latest);
        return new SsoStatusView(account.getAuthenticationMethod(), identityProvider,
                identityProviders.active(account, identityProvider).map(IdentityProviderView::of).orElse(null),
                draft.map(IdentityProviderView::of).orElse(null),
                latest.map(test -> SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()))).orElse(null),
                blocked == null, blocked, summaries(account),
                profileOwners.entriesOf(account).stream().map(ProfileEntry::getValue).toList());
    }

    /**
     * Starts a Test SSO run of the named identity provider's draft; the browser that opens the returned URL performs
     * a real SP-initiated sign-in with the draft ({@link SsoTestRun}), while what is in force stays so for everyone else.
     */
    public SsoTestStarted startSsoTest(String accountNumber, String identityProvider, String baseUrl) {
        Account account = access.account(accountNumber);
        IdentityProvider draft = identityProviders.draft(account, identityProvider).orElseThrow(() -> new ConflictException(
                "draft", "Identity provider \"" + identityProvider + "\" has no draft configuration to test; enter it"
                + " or import its metadata first."));
        em.flush();
        SsoTest test = new SsoTest(draft, IdentifierGenerator.next(), access.caller().getName(), clock.instant());
        em.persist(test);
        em.flush();
        audit.record(AuditAction.SSO_TEST_STARTED, accountNumber, "Started Test SSO " + test.getId()
                + " of the draft of identity provider " + identityProvider + " (" + draft.getEntityId() + ")");
        return new SsoTestStarted(test.getId(), new SamlEndpoints(baseUrl, accountNumber).test(test.getId(), test.getUrlKey()));
    }

    public SsoTestView ssoTest(String accountNumber, long testId) {
        Account account = access.account(accountNumber);
        SsoTest test = em.find(SsoTest.class, testId);
        if (test == null || !test.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Test SSO " + testId + " was not found in account " + accountNumber + ".");
        }
        Optional<IdentityProvider> draft = identityProviders.draft(account, test.getIdentityProviderName());
        return SsoTestView.of(test, draft.isPresent() && test.tested(draft.get()));
    }

    /**
     * Enable SSO: the named identity provider's tested draft comes into force and users sign in through it.
     *
     * @throws ConflictException unless the latest Test SSO passed for the draft exactly as it is now, or when
     *                           another of the account's identity providers in force has the same entity ID
     */
    public SsoStatusView enableSingleSignOn(String accountNumber, String identityProvider) {
        Account account = access.account(accountNumber);
        Optional<IdentityProvider> draft = identityProviders.draft(account, identityProvider);
        String blocked = enableBlockedBecause(draft, latestTest(account, identityProvider));
        if (blocked != null) {
            throw new ConflictException("test", blocked);
        }
        String defaultName = identityProviders.defaultName(account);
        if (!identityProvider.equals(defaultName) && identityProviders.active(account, defaultName).isEmpty()) {
            throw new ConflictException("identityProvider", "Enable the default identity provider \"" + defaultName
                    + "\" first: it signs in every domain and address no other one is assigned.");
        }
        String entityId = draft.get().getEntityId();
        identityProviders.activeIssuedBy(account, entityId).filter(other -> !other.getName().equals(identityProvider))
                .ifPresent(other -> {
                    throw new ConflictException("entityId", "Identity provider \"" + other.getName()
                            + "\" in force has the entity ID " + entityId + " already; an answer could not tell"
                            + " them apart. Remove one, or give each its own entity ID at the IdP.");
                });
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Optional<IdentityProvider> active = identityProviders.active(account, identityProvider);
        String detail = active.map(current -> "SSO configuration of identity provider " + identityProvider + " changed: "
                        + IdentityProviderChanges.between(current.settings(), draft.get().settings()))
                .orElse("SSO enabled with identity provider " + identityProvider + " (" + entityId + ")");
        if (active.isPresent()) {
            active.get().takeOver(draft.get(), actor, now);
        } else {
            em.persist(IdentityProvider.activeFrom(draft.get(), actor, now));
        }
        em.remove(draft.get());
        account.useSingleSignOn();
        audit.record(AuditAction.SSO_ENABLED, accountNumber, detail);
        return status(accountNumber, identityProvider);
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

    /**
     * Removes an identity provider, draft and configuration in force: the sessions it signed in end, and the
     * Profiles entries assigned to it go back to the default.
     *
     * @throws ConflictException when it is the only one in force while the account signs in with SAML
     */
    public SsoStatusView removeIdentityProvider(String accountNumber, String identityProvider) {
        Account account = access.account(accountNumber);
        List<IdentityProvider> configurations = identityProviders.all(account).stream()
                .filter(idp -> idp.getName().equals(identityProvider)).toList();
        if (configurations.isEmpty()) {
            throw new ResourceNotFoundException("Account " + accountNumber + " has no identity provider \""
                    + identityProvider + "\".");
        }
        if (identityProvider.equals(identityProviders.defaultName(account))
                && identityProviders.names(account).size() > 1) {
            throw new ConflictException("identityProvider", "Identity provider \"" + identityProvider + "\" is the"
                    + " default, which signs in every domain and address no other one is assigned; remove the others"
                    + " first, or change its configuration (import the new identity provider's metadata into it).");
        }
        boolean onlyOneInForce = identityProviders.allActive(account).stream()
                .allMatch(idp -> idp.getName().equals(identityProvider));
        if (account.getAuthenticationMethod() == AuthenticationMethod.SAML && onlyOneInForce
                && configurations.stream().anyMatch(idp -> idp.getStage() == IdpStage.ACTIVE)) {
            throw new ConflictException("identityProvider", "Identity provider \"" + identityProvider + "\" is the"
                    + " only one users sign in with; switch the account to passwords first, or enable another.");
        }
        configurations.forEach(em::remove);
        List<String> released = new ArrayList<>();
        for (ProfileEntry entry : profileOwners.entriesOf(account)) {
            if (identityProvider.equals(entry.getIdentityProviderName())) {
                entry.servedBy(null);
                released.add(entry.getValue());
            }
        }
        int ended = em.createNamedQuery(WebsafeSession.END_OF_IDENTITY_PROVIDER).setParameter("account", account)
                .setParameter("name", identityProvider).setParameter("now", clock.instant()).executeUpdate();
        audit.record(AuditAction.IDENTITY_PROVIDER_REMOVED, accountNumber, "Removed identity provider "
                + identityProvider + " (" + configurations.get(0).getEntityId() + "); " + ended + " session(s) it signed"
                + " in ended" + (released.isEmpty() ? "" : "; now served by the default: " + String.join(", ", released)));
        return status(accountNumber);
    }

    private List<IdentityProviderSummary> summaries(Account account) {
        List<IdentityProvider> all = identityProviders.all(account);
        IdentityProviderRouting routing = identityProviders.routing(account);
        List<ProfileEntry> entries = profileOwners.entriesOf(account);
        List<IdentityProviderSummary> summaries = new ArrayList<>();
        for (String name : all.stream().map(IdentityProvider::getName).distinct().toList()) {
            IdentityProvider shown = all.stream().filter(idp -> idp.getName().equals(name))
                    .min(Comparator.comparing(idp -> idp.getStage() != IdpStage.ACTIVE)).orElseThrow();
            // only verified entries route sign-ins; assignments of unverified ones wait for the proof
            List<String> serves = entries.stream().filter(entry -> entry.isVerified()
                    && name.equals(routing.serving(entry.getIdentityProviderName()))).map(ProfileEntry::getValue).toList();
            List<String> assigned = entries.stream().filter(entry -> name.equals(entry.getIdentityProviderName()))
                    .map(ProfileEntry::getValue).toList();
            summaries.add(new IdentityProviderSummary(name, name.equals(routing.defaultName()), shown.getEntityId(),
                    routing.inForce().contains(name), all.stream().anyMatch(idp -> idp.getName().equals(name)
                    && idp.getStage() == IdpStage.DRAFT), serves, assigned));
        }
        return summaries;
    }

    private Optional<SsoTest> latestTest(Account account, String identityProvider) {
        return em.createNamedQuery(SsoTest.LATEST_OF_IDENTITY_PROVIDER, SsoTest.class).setParameter("account", account)
                .setParameter("name", identityProvider).setMaxResults(1).getResultStream().findFirst();
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
