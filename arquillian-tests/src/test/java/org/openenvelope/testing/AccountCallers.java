package org.openenvelope.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountService;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.security.Caller;

/** New accounts, and callers scoped to an account by its number, for in-container tests. */
@ApplicationScoped
public class AccountCallers {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    ActingCaller acting;

    @Inject
    AccountService accounts;

    /**
     * A new account named {@code label} made unique, created by the service administrator, who is left the acting
     * caller.
     */
    public AccountSummary newAccount(String label) {
        return newAccountNamed(Fixtures.unique(label));
    }

    /** A new account with exactly this name, created like {@link #newAccount}. */
    public AccountSummary newAccountNamed(String name) {
        acting.actAs(Fixtures.serviceAdministrator());
        return accounts.createAccount(name);
    }

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
