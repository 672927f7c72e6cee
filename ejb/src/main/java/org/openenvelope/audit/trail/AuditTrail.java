package org.openenvelope.audit.trail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditEvent;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.account.AccountAccess;

/** Reading the audit trail, for one account or (service administrators only) for the whole service. */
@Stateless
public class AuditTrail {

    private static final int EXPORT_BATCH = 1000;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    /** The account's audit trail, newest first. */
    public Page<AuditEntry> accountEvents(String accountNumber, int page, int size) {
        return accountEvents(accountNumber, AuditFilter.NONE, page, size);
    }

    /** The account's audit events that pass the filter, newest first. */
    public Page<AuditEntry> accountEvents(String accountNumber, AuditFilter filter, int page, int size) {
        Account account = access.account(accountNumber);
        return page(account.getNumber(), filter, Paging.of(page, size));
    }

    /** Every audit event of the service, newest first; service administrators only. */
    public Page<AuditEntry> serviceEvents(int page, int size) {
        return serviceEvents(AuditFilter.NONE, page, size);
    }

    public Page<AuditEntry> serviceEvents(AuditFilter filter, int page, int size) {
        access.requireServiceAdministrator("read the service audit log");
        return page(null, filter, Paging.of(page, size));
    }

    /**
     * Hands every event that passes the filter to {@code each}, newest first, a batch at a time (an export of any
     * length in little memory); of one account, or with {@code accountNumber} null of the service (service
     * administrators only).
     */
    public void export(String accountNumber, AuditFilter filter, Consumer<AuditEntry> each) {
        String number = accountNumber == null ? null : access.account(accountNumber).getNumber();
        if (number == null) {
            access.requireServiceAdministrator("export the service audit log");
        }
        for (int first = 0; ; first += EXPORT_BATCH) {
            List<AuditEvent> batch = query(number, filter, AuditEvent.class, "select e")
                    .setFirstResult(first).setMaxResults(EXPORT_BATCH).getResultList();
            batch.stream().map(AuditEntry::of).forEach(each);
            em.clear();
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
        }
    }

    private Page<AuditEntry> page(String number, AuditFilter filter, Paging paging) {
        return paging.page(query(number, filter, AuditEvent.class, "select e"),
                query(number, filter, Long.class, "select count(e)")).map(AuditEntry::of);
    }

    private <T> TypedQuery<T> query(String number, AuditFilter filter, Class<T> type, String select) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (number != null) {
            where.add("e.accountNumber = :number");
            parameters.put("number", number);
        }
        if (filter.actor() != null) {
            where.add("lower(e.actor) like :actor" + SearchTerm.ESCAPE);
            parameters.put("actor", SearchTerm.of(filter.actor()).contains());
        }
        if (filter.action() != null) {
            where.add("e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.add("e.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.until() != null) {
            where.add("e.occurredAt < :until");
            parameters.put("until", filter.until());
        }
        boolean count = type == Long.class;
        TypedQuery<T> query = em.createQuery(select + " from AuditEvent e" + (where.isEmpty() ? ""
                : " where " + String.join(" and ", where)) + (count ? "" : " order by e.occurredAt desc, e.id desc"),
                type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
