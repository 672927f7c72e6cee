package org.openenvelope.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openenvelope.operations.ServiceLog;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CurrentCaller;

/**
 * The one place that decides which accounts a caller may see: {@link Accounts} finds an account by number, this
 * adds the caller's check on top. Every service acting for a caller (the portal, the REST API) resolves account
 * numbers through it, so the rule "an account administrator never sees another account" holds for any id edited
 * in a URL alike. The public SAML and user-portal endpoints, which act for no administrator, use
 * {@link Accounts} and their own rules (an active account, SSO in force).
 */
@ApplicationScoped
public class AccountAccess {

    @Inject
    Accounts accounts;

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
        Account account = accounts.byNumber(number).orElse(null);
        if (account == null || !caller.mayAccessAccount(account.getId())) {
            throw new ResourceNotFoundException("Account " + printable(number) + " was not found.");
        }
        ServiceLog.account(account.getNumber());
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
