package org.openenvelope.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountNumber;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ResourceNotFoundException;

/**
 * The one place that decides which accounts a caller may see. Every service resolves account numbers through
 * it, so the rule "an account administrator never sees another account" holds for the portal, the REST API and
 * any id edited in a URL alike.
 */
@ApplicationScoped
public class AccountAccess {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    CurrentCaller currentCaller;

    public Caller caller() {
        return currentCaller.get();
    }

    /** @throws AccessDeniedException unless the caller is a service administrator */
    public Caller requireServiceAdministrator(String whatFor) {
        Caller caller = currentCaller.get();
        if (!caller.isServiceAdministrator()) {
            throw new AccessDeniedException("Only service administrators can " + whatFor + ".");
        }
        return caller;
    }

    /**
     * The account with this number, if the caller may act on it.
     *
     * <p>Security: an account the caller may not access is reported exactly like one that does not exist,
     * so account numbers cannot be enumerated by an account administrator.
     */
    public Account account(String number) {
        Caller caller = currentCaller.get();
        Account account = AccountNumber.isWellFormed(number)
                ? em.createNamedQuery(Account.BY_NUMBER, Account.class).setParameter("number", number)
                    .getResultStream().findFirst().orElse(null)
                : null;
        if (account == null || !caller.mayAccessAccount(account.getId())) {
            throw new ResourceNotFoundException("Account " + printable(number) + " was not found.");
        }
        return account;
    }

    private static String printable(String number) {
        if (number == null) {
            return "(none)";
        }
        String cleaned = number.replaceAll("[^A-Za-z0-9-]", "?");
        return cleaned.length() > 20 ? cleaned.substring(0, 20) + "…" : cleaned;
    }
}
