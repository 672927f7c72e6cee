package org.openenvelope.error;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Messages;

/**
 * Shows a service's refusal on the page: next to the field it names when the form has that field, otherwise at
 * the top of the page. Each rejected value of a bulk change gets its own line. A refusal that names no field
 * (not found, access denied) always goes to the top, whatever fields the form has. Adding the messages is
 * OmniFaces' {@link Messages}; deciding where each goes is {@link #placements}.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Where one message goes: a component id of the form (relative, resolved when shown), or null for the top. */
    record Placement(String componentId, String message) {
    }

    /** @param fields service field name → component id in the current form (relative ids, resolved here) */
    public static void show(ServiceException refusal, Map<String, String> fields) {
        place(placements(refusal, fields));
    }

    public static void show(ServiceException refusal) {
        show(refusal, Map.of());
    }

    /**
     * For forms with several fields: each rejected value's message next to its own field (or at the top when the
     * form has no such field), with the summary at the top.
     */
    public static void showEachField(ServiceException refusal, Map<String, String> fields) {
        place(placementsForEachField(refusal, fields));
    }

    /** A confirmation, kept over the redirect that usually follows. */
    public static void info(String message) {
        Messages.addFlashGlobalInfo(message);
    }

    /** A problem that is not a refusal of this request (a refresh that was not applied), kept over the redirect. */
    public static void error(String message) {
        Messages.addFlashGlobalError(message);
    }

    static List<Placement> placements(ServiceException refusal, Map<String, String> fields) {
        List<Placement> placements = new ArrayList<>();
        if (refusal instanceof RejectedValuesException rejected) {
            String values = rejected.problems().isEmpty() ? null : componentOf(fields, rejected.problems().get(0).field());
            placements.add(new Placement(values, refusal.getMessage()));
            for (ValueProblem problem : rejected.problems()) {
                placements.add(new Placement(values, problem.message()));
            }
            return placements;
        }
        placements.add(new Placement(componentOf(fields, fieldOf(refusal)), refusal.getMessage()));
        return placements;
    }

    static List<Placement> placementsForEachField(ServiceException refusal, Map<String, String> fields) {
        if (!(refusal instanceof RejectedValuesException rejected)) {
            return placements(refusal, fields);
        }
        List<Placement> placements = new ArrayList<>();
        placements.add(new Placement(null, refusal.getMessage()));
        for (ValueProblem problem : rejected.problems()) {
            placements.add(new Placement(componentOf(fields, problem.field()), problem.message()));
        }
        return placements;
    }

    private static String fieldOf(ServiceException refusal) {
        return refusal instanceof InvalidValueException invalid ? invalid.field()
                : refusal instanceof ConflictException conflict ? conflict.field() : null;
    }

    /** Null-safe: immutable maps ({@code Map.of}) refuse to look up a null key. */
    private static String componentOf(Map<String, String> fields, String field) {
        return field == null ? null : fields.get(field);
    }

    private static void place(List<Placement> placements) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Placement placement : placements) {
            Messages.addError(clientId(context, placement.componentId()), placement.message());
        }
    }

    private static String clientId(FacesContext context, String componentId) {
        if (componentId == null) {
            return null;
        }
        UIComponent component = context.getViewRoot().findComponent(componentId);
        return component == null ? null : component.getClientId(context);
    }
}
