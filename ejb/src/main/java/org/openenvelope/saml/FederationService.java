package org.openenvelope.saml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.security.AccountAccess;

/**
 * The administrator's side of an account's SAML federation: the SP (entity ID, keys, metadata URL) and the
 * identity provider it trusts. Every change is audited with what changed.
 */
@Stateless
public class FederationService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    ServiceProviderKeys serviceProviders;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The account's SP; its first key is generated on first use. */
    public ServiceProviderView serviceProvider(String accountNumber, String baseUrl) {
        Account account = access.account(accountNumber);
        return ServiceProviderView.of(serviceProviders.ensure(account), new SamlEndpoints(baseUrl, accountNumber));
    }

    /**
     * Sets the SP entity ID the IdP knows this account by; blank returns to the default derived from the base URL.
     * The IdP's configuration must be changed to match, or every sign-in fails the audience check.
     */
    public ServiceProviderView changeServiceProviderEntityId(String accountNumber, String baseUrl, String entityId) {
        Account account = access.account(accountNumber);
        SamlEndpoints endpoints = new SamlEndpoints(baseUrl, accountNumber);
        ServiceProvider provider = serviceProviders.ensure(account);
        String before = provider.entityId(endpoints.defaultEntityId());
        provider.changeEntityId(entityId);
        String after = provider.entityId(endpoints.defaultEntityId());
        if (!before.equals(after)) {
            audit.record(AuditAction.SERVICE_PROVIDER_ENTITY_ID_CHANGED, accountNumber,
                    "SP entity ID changed from " + before + " to " + after);
        }
        return ServiceProviderView.of(provider, endpoints);
    }

    public Optional<IdentityProviderView> identityProvider(String accountNumber) {
        Account account = access.account(accountNumber);
        return identityProviders.of(account).map(IdentityProviderView::of);
    }

    /**
     * Replaces the account's identity provider configuration (manual entry). All values are checked first and
     * every problem is reported at once; nothing is saved unless all are valid.
     */
    public IdentityProviderView configureIdentityProvider(String accountNumber, IdentityProviderSettings settings) {
        Account account = access.account(accountNumber);
        String actor = access.caller().getName();
        Optional<IdentityProvider> existing = identityProviders.of(account);
        IdentityProvider provider;
        String detail;
        if (existing.isPresent()) {
            provider = existing.get();
            IdentityProviderSettings before = provider.settings();
            provider.configure(settings, actor, clock.instant());
            detail = "Identity provider changed: " + changes(before, provider.settings());
        } else {
            provider = new IdentityProvider(account, settings, actor, clock.instant());
            em.persist(provider);
            detail = "Identity provider configured: " + provider.getEntityId() + ", sign-in at " + settings.ssoUrl()
                    + ", " + settings.certificates().size() + " trusted certificate(s) " + fingerprints(settings);
        }
        audit.record(AuditAction.IDENTITY_PROVIDER_CONFIGURED, accountNumber, detail);
        return IdentityProviderView.of(provider);
    }

    private static String changes(IdentityProviderSettings before, IdentityProviderSettings after) {
        List<String> changes = new ArrayList<>();
        change(changes, "entity ID", before.entityId(), after.entityId());
        change(changes, "SSO URL", before.ssoUrl(), after.ssoUrl());
        change(changes, "SSO binding", before.ssoBinding(), after.ssoBinding());
        change(changes, "logout URL", before.sloUrl(), after.sloUrl());
        change(changes, "logout binding", before.sloBinding(), after.sloBinding());
        change(changes, "clock skew (s)", before.clockSkewSeconds(), after.clockSkewSeconds());
        change(changes, "SHA-1 allowed", before.allowSha1(), after.allowSha1());
        change(changes, "IdP-initiated sign-in allowed", before.allowIdpInitiated(), after.allowIdpInitiated());
        change(changes, "just-in-time users", before.justInTimeUsers(), after.justInTimeUsers());
        change(changes, "alternate email attribute", before.alternateEmailAttribute(), after.alternateEmailAttribute());
        change(changes, "trusted certificates", fingerprints(before), fingerprints(after));
        return changes.isEmpty() ? "nothing" : String.join("; ", changes);
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }

    private static String fingerprints(IdentityProviderSettings settings) {
        return settings.certificates().stream().map(Certificates::fingerprint).toList().toString();
    }
}
