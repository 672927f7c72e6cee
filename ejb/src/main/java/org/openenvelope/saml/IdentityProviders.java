package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

/** An account's identity provider configurations, in the caller's transaction. */
@ApplicationScoped
public class IdentityProviders {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The configuration in force for sign-ins. */
    public Optional<IdentityProvider> active(Account account) {
        return of(account, IdpStage.ACTIVE);
    }

    /** The configuration being edited and tested, if any. */
    public Optional<IdentityProvider> draft(Account account) {
        return of(account, IdpStage.DRAFT);
    }

    /**
     * The active configuration, when the account signs in with SAML.
     *
     * @throws SamlRejectedException {@code sso_not_configured} otherwise
     */
    public IdentityProvider enabled(Account account) {
        Optional<IdentityProvider> active = active(account);
        if (account.getAuthenticationMethod() != AuthenticationMethod.SAML || active.isEmpty()) {
            throw new SamlRejectedException(SamlFailure.SSO_NOT_CONFIGURED, "Account " + account.getNumber()
                    + " does not sign in with SAML 2.0" + (active.isEmpty() ? " (no identity provider is enabled)." : "."));
        }
        return active.get();
    }

    /** What the message checks trust of a configuration. */
    public static IdentityProviderTrust trust(IdentityProviderSettings settings) {
        return new IdentityProviderTrust(settings.entityId(), settings.certificates(),
                Duration.ofSeconds(settings.clockSkewSeconds()), settings.allowSha1(), settings.allowIdpInitiated());
    }

    private Optional<IdentityProvider> of(Account account, IdpStage stage) {
        return em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", account).setParameter("stage", stage).getResultStream().findFirst();
    }
}
