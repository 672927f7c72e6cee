package org.openenvelope.addin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openenvelope.account.Account;

/** An account's rules in their order, in the caller's transaction. */
@ApplicationScoped
public class AddinRules {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public List<RuleView> of(Account account) {
        return em.createNamedQuery(EncryptionRule.OF_ACCOUNT, EncryptionRule.class).setParameter("account", account)
                .getResultStream().map(RuleView::of).toList();
    }
}
