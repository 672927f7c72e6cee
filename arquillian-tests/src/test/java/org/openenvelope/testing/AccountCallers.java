package org.openenvelope.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openenvelope.account.Account;
import org.openenvelope.security.Caller;

/** Builds account-scoped callers for in-container tests from an account number. */
@ApplicationScoped
public class AccountCallers {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    public Caller administratorOf(String accountNumber) {
        return Fixtures.accountAdministrator(idOf(accountNumber), accountNumber);
    }

    public Caller tokenOf(String accountNumber) {
        return Fixtures.accountToken(idOf(accountNumber), accountNumber);
    }

    private long idOf(String accountNumber) {
        return em.createNamedQuery(Account.BY_NUMBER, Account.class).setParameter("number", accountNumber)
                .getSingleResult().getId();
    }
}
