package org.openenvelope.branding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openenvelope.account.Account;

/** How an account appears to its recipients, in the caller's transaction: its Branding, else the service's look. */
@ApplicationScoped
public class BrandOf {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public Brand account(Account account) {
        return stored(account).map(AccountBranding::brand).orElseGet(() -> Brand.standard(account.getName()));
    }

    /** The logo with this digest, whichever account has it: recipient pages load it by its digest. */
    public Optional<Logo> logo(String digest) {
        return em.createNamedQuery(AccountBranding.BY_LOGO, AccountBranding.class).setParameter("digest", digest)
                .setMaxResults(1).getResultStream().map(AccountBranding::logo).findFirst();
    }

    Optional<AccountBranding> stored(Account account) {
        return Optional.ofNullable(em.find(AccountBranding.class, account.getId()));
    }
}
