package org.openenvelope.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openenvelope.audit.trail.AuditFilter;
import org.openenvelope.error.FormErrors;
import org.openenvelope.error.ServiceException;

/**
 * The audit pages' filter (actor, action, from, until as view parameters, so a filtered page can be bookmarked)
 * and their export links, which carry the same filter.
 */
@Named("auditFilter")
@RequestScoped
public class AuditFilterForm {

    private String actor;
    private String action;
    private String from;
    private String until;

    /** The filter the parameters say; an invalid one shows its problems next to the fields and filters nothing. */
    AuditFilter filter() {
        try {
            return AuditFilter.of(actor, action, from, until);
        } catch (ServiceException refusal) {
            FormErrors.showEachField(refusal, Map.of("action", "filter:action", "from", "filter:from",
                    "until", "filter:until"));
            return null;
        }
    }

    /** Where the events the filter shows download as CSV or JSON Lines; {@code account} null for the service's. */
    public String exportUrl(String account, String format) {
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext()
                .getRequestContextPath()).append(AuditExportServlet.PATH).append("?format=").append(format);
        append(url, "account", account);
        append(url, "actor", actor);
        append(url, "action", action);
        append(url, "from", from);
        append(url, "until", until);
        return url.toString();
    }

    public List<String> getActions() {
        return AuditFilter.actions();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }
}
