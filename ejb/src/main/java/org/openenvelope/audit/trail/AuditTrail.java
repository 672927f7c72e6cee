package org.openenvelope.audit.trail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditEvent;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.account.AccountAccess;

/** Reading the audit trail, for one account or (service administrators only) for the whole service. */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    /** The account's audit trail, newest first. */
    public Page<AuditEntry> accountEvents(String accountNumber, int page, int size) {
        Account account = access.account(accountNumber);
        return query("where e.accountNumber = :number", account.getNumber(), page, size);
    }

    /** Every audit event of the service, newest first; service administrators only. */
    public Page<AuditEntry> serviceEvents(int page, int size) {
        access.requireServiceAdministrator("read the service audit log");
        return query("", null, page, size);
    }

    private Page<AuditEntry> query(String where, String number, int page, int size) {
        Paging paging = Paging.of(page, size);
        TypedQuery<AuditEvent> items = em.createQuery(
                "select e from AuditEvent e " + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e " + where, Long.class);
        if (number != null) {
            items.setParameter("number", number);
            count.setParameter("number", number);
        }
        return paging.page(items, count).map(AuditEntry::of);
    }
}
