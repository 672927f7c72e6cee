package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.omnifaces.util.Faces;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;

/**
 * The service-wide audit log, across all accounts and sign-ins; service administrators only, anyone else gets
 * HTTP 403. A read-only page, so the bean lives for one request.
 */
@Named("serviceAudit")
@RequestScoped
public class ServiceAuditBean {

    @Inject
    AuditTrail audit;

    @Inject
    AuditFilterForm filter;

    private int page = 1;
    private Page<AuditEntry> events;

    public void load() throws IOException {
        try {
            AuditFilter chosen = filter.filter();
            events = audit.serviceEvents(chosen == null ? AuditFilter.NONE : chosen, page - 1, Paging.DEFAULT_SIZE);
        } catch (AccessDeniedException denied) {
            Faces.responseSendError(403, denied.getMessage());
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
