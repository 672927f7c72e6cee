package org.openenvelope.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.security.Caller;

/** Accounts → Manage Accounts: listing, creating, renaming, suspending and reactivating accounts. */
@Stateless
public class AccountService {

    private static final int NUMBER_ATTEMPTS = 20;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Accounts whose name contains {@code search} (any case) or whose number starts with it, by name. An account
     * administrator only ever finds their own account.
     */
    public Page<AccountSummary> findAccounts(String search, int page, int size) {
        Caller caller = access.caller();
        SearchTerm term = SearchTerm.of(search);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!term.isEmpty()) {
            where.append(" and (lower(a.name) like :pattern" + SearchTerm.ESCAPE + " or a.number like :prefix"
                    + SearchTerm.ESCAPE + ")");
        }
        if (!caller.isServiceAdministrator()) {
            where.append(" and a.id = :own");
        }
        TypedQuery<Account> items = em.createQuery("select a from Account a" + where + " order by a.name, a.number",
                Account.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Account a" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[]{items, count}) {
            if (!term.isEmpty()) {
                query.setParameter("pattern", term.contains()).setParameter("prefix", term.startsWith());
            }
            if (!caller.isServiceAdministrator()) {
                query.setParameter("own", caller.accountId());
            }
        }
        return Paging.of(page, size).page(items, count).map(AccountSummary::of);
    }

    /** The account with this number, if the caller may see it. */
    public AccountSummary getAccount(String number) {
        return AccountSummary.of(access.account(number));
    }

    /** Creates an active account with a new, unique account number; service administrators only. */
    public AccountSummary createAccount(String name) {
        access.requireServiceAdministrator("create accounts");
        Account account = new Account(unusedNumber(), name, Instant.now(clock));
        em.persist(account);
        audit.record(AuditAction.ACCOUNT_CREATED, account.getNumber(), "Created account \"" + account.getName() + "\"");
        return AccountSummary.of(account);
    }

    public AccountSummary renameAccount(String number, String newName) {
        Account account = access.account(number);
        String before = account.getName();
        account.rename(newName);
        if (!before.equals(account.getName())) {
            audit.record(AuditAction.ACCOUNT_RENAMED, number,
                    "Renamed from \"" + before + "\" to \"" + account.getName() + "\"");
        }
        return AccountSummary.of(account);
    }

    /** Suspends the account: its administrators and API tokens stop working until it is reactivated. */
    public AccountSummary suspendAccount(String number) {
        access.requireServiceAdministrator("suspend accounts");
        Account account = access.account(number);
        account.suspend();
        audit.record(AuditAction.ACCOUNT_SUSPENDED, number, "Suspended account \"" + account.getName() + "\"");
        return AccountSummary.of(account);
    }

    public AccountSummary reactivateAccount(String number) {
        access.requireServiceAdministrator("reactivate accounts");
        Account account = access.account(number);
        account.reactivate();
        audit.record(AuditAction.ACCOUNT_REACTIVATED, number, "Reactivated account \"" + account.getName() + "\"");
        return AccountSummary.of(account);
    }

    private String unusedNumber() {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            String candidate = AccountNumber.generate();
            if (accounts.byNumber(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free account number after " + NUMBER_ATTEMPTS + " attempts");
    }
}
