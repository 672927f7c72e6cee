package org.openenvelope.recipient;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;

/**
 * The account's Security tab: the password its recipients must choose, when wrong passwords pause sign-in, how long
 * a sign-in opens its envelopes, and whether the page without JavaScript may decrypt on the server. Audited.
 */
@Stateless
public class RecipientSecurityService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    SecurityOf securityOf;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SecurityView security(String accountNumber) {
        Account account = access.account(accountNumber);
        return securityOf.stored(account).map(s -> new SecurityView(s.security(), s.getUpdatedAt(), s.getUpdatedBy()))
                .orElseGet(() -> new SecurityView(securityOf.defaults(), null, null));
    }

    /**
     * Sets every setting at once; all values are checked first.
     *
     * @throws org.openenvelope.error.RejectedValuesException naming each field out of its range
     */
    public SecurityView changeSecurity(String accountNumber, RecipientSecurity security) {
        Account account = access.account(accountNumber);
        RecipientSecurity before = securityOf.account(account);
        AccountSecurity stored = securityOf.stored(account).orElse(null);
        boolean added = stored == null;
        if (added) {
            stored = new AccountSecurity(account);
        }
        stored.change(security, access.caller().getName(), clock.instant());
        if (added) {
            em.persist(stored);
        }
        audit.record(AuditAction.ACCOUNT_SECURITY_CHANGED, accountNumber, "Recipient security changed: " + before
                + " → " + security);
        return security(accountNumber);
    }
}
