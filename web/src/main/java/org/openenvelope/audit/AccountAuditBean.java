package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.openenvelope.account.AccountTab;
import org.openenvelope.account.AccountTabBean;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * The account's Audit log tab: what was done to the account, by whom and from where, newest first. A read-only
 * page, so the bean lives for one request.
 */
@Named("accountAudit")
@RequestScoped
public class AccountAuditBean {

    @Inject
    AuditTrail audit;

    @Inject
    AccountTabBean tab;

    @Inject
    AuditFilterForm filter;

    private int page = 1;
    private Page<AuditEntry> events;

    public void load() throws IOException {
        if (tab.open(AccountTab.AUDIT)) {
            AuditFilter chosen = filter.filter();
            events = audit.accountEvents(tab.getNumber(), chosen == null ? AuditFilter.NONE : chosen, page - 1,
                    Paging.DEFAULT_SIZE);
        }
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public Page<AuditEntry> getEvents() {
        return events;
    }
}
