package org.openenvelope.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ServiceException;
import org.openenvelope.error.ValueProblem;

/**
 * Shows a service's refusal on the page: next to the field it names when the form has that field, otherwise at
 * the top of the page. Each rejected value of a bulk change gets its own line.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** @param fields service field name → component id in the current form (relative ids, resolved here) */
    public static void show(ServiceException refusal, Map<String, String> fields) {
        String field = refusal instanceof InvalidValueException invalid ? invalid.field()
                : refusal instanceof ConflictException conflict ? conflict.field() : null;
        String clientId = clientId(fields.get(field));
        if (refusal instanceof RejectedValuesException rejected) {
            String valuesId = clientId(fields.get(rejected.problems().get(0).field()));
            add(valuesId, refusal.getMessage());
            for (ValueProblem problem : rejected.problems()) {
                add(valuesId, problem.message());
            }
            return;
        }
        add(clientId, refusal.getMessage());
    }

    public static void show(ServiceException refusal) {
        show(refusal, Map.of());
    }

    /**
     * For forms with several fields: each rejected value's message next to its own field (or at the top when the
     * form has no such field), with the summary at the top.
     */
    public static void showEachField(ServiceException refusal, Map<String, String> fields) {
        if (!(refusal instanceof RejectedValuesException rejected)) {
            show(refusal, fields);
            return;
        }
        add(null, refusal.getMessage());
        for (ValueProblem problem : rejected.problems()) {
            add(clientId(fields.get(problem.field())), problem.message());
        }
    }

    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** A problem that is not a refusal of this request (a refresh that was not applied), kept over the redirect. */
    public static void error(String message) {
        add(null, message);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static String clientId(String componentId) {
        if (componentId == null) {
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent component = context.getViewRoot().findComponent(componentId);
        return component == null ? null : component.getClientId(context);
    }
}
