package org.openenvelope.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.account.Account;

/** The identity provider an account has configured, in the caller's transaction. */
@ApplicationScoped
public class IdentityProviders {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public Optional<IdentityProvider> of(Account account) {
        return em.createNamedQuery(IdentityProvider.OF_ACCOUNT, IdentityProvider.class)
                .setParameter("account", account).getResultStream().findFirst();
    }
}
