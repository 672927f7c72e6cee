package org.openenvelope.addin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.account.Account;

/** An account's add-in configuration (Addin Config step 2), in the caller's transaction. */
@ApplicationScoped
public class AddinConfigurations {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The account's configuration, if step 2 was ever saved. */
    public Optional<AddinConfiguration> of(Account account) {
        return em.createNamedQuery(AddinConfiguration.OF_ACCOUNT, AddinConfiguration.class)
                .setParameter("account", account).getResultStream().findFirst();
    }
}
