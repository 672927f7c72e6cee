package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.account.Account;

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

    private Optional<IdentityProvider> of(Account account, IdpStage stage) {
        return em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", account).setParameter("stage", stage).getResultStream().findFirst();
    }
}
